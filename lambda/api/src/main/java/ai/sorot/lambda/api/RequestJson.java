package ai.sorot.lambda.api;

import ai.sorot.model.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The mapper request bodies are read with: the contract's mapper, but a value of the wrong JSON
 * type is refused rather than converted. Jackson by default turns {@code "fountainText": 123}
 * into the text "123" and {@code "rating": "5"} into 5; a client that sends either has a bug the
 * API should name ({@code INVALID_JSON}, "A field has the wrong type"), not analyse a three-letter
 * screenplay. Stored reports and model answers keep the lenient mapper.
 */
final class RequestJson {

    private static final ObjectMapper STRICT = strict();

    private RequestJson() {}

    static ObjectMapper mapper() {
        return STRICT;
    }

    private static ObjectMapper strict() {
        var mapper = Json.mapper().copy();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (var number : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}
