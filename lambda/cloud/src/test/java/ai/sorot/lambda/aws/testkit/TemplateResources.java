package ai.sorot.lambda.aws.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the SAM template the stack is deployed from, so that the integration tests create their
 * table as the stack does. (CloudFormation's short tags, {@code !Ref} and the like, are kept as
 * plain values: only the literal parts are read here.)
 */
public final class TemplateResources {

    public record Index(String name, String partitionKey, String sortKey, String projection) {}

    public record Table(String partitionKey, Map<String, String> attributes, List<Index> indexes) {}

    /** A table keyed by a partition and a sort key, no index: the committee's. */
    public record KeyedTable(String partitionKey, String sortKey, Map<String, String> attributes) {}

    private TemplateResources() {}

    public static KeyedTable committeeTable() {
        var props = read().path("Resources").path("CommitteeTable").path("Properties");
        var attributes = new LinkedHashMap<String, String>();
        for (var a : props.path("AttributeDefinitions")) {
            attributes.put(
                    a.path("AttributeName").asText(), a.path("AttributeType").asText());
        }
        String hash = null;
        String range = null;
        for (var k : props.path("KeySchema")) {
            if (k.path("KeyType").asText().equals("HASH")) {
                hash = k.path("AttributeName").asText();
            } else {
                range = k.path("AttributeName").asText();
            }
        }
        return new KeyedTable(hash, range, attributes);
    }

    public static Path template() {
        for (var candidate : List.of(
                Path.of("..", "..", "infra", "template.yaml"),
                Path.of("..", "infra", "template.yaml"),
                Path.of("infra", "template.yaml"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "infra/template.yaml not found from " + Path.of("").toAbsolutePath());
    }

    public static JsonNode read() {
        try {
            return new YAMLMapper().readTree(template().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Table jobsTable() {
        var props = read().path("Resources").path("JobsTable").path("Properties");
        var attributes = new LinkedHashMap<String, String>();
        for (var a : props.path("AttributeDefinitions")) {
            attributes.put(
                    a.path("AttributeName").asText(), a.path("AttributeType").asText());
        }
        String pk = null;
        for (var k : props.path("KeySchema")) {
            if (k.path("KeyType").asText().equals("HASH")) {
                pk = k.path("AttributeName").asText();
            }
        }
        var indexes = new ArrayList<Index>();
        for (var gsi : props.path("GlobalSecondaryIndexes")) {
            String hash = null;
            String range = null;
            for (var k : gsi.path("KeySchema")) {
                if (k.path("KeyType").asText().equals("HASH")) {
                    hash = k.path("AttributeName").asText();
                } else {
                    range = k.path("AttributeName").asText();
                }
            }
            indexes.add(new Index(
                    gsi.path("IndexName").asText(),
                    hash,
                    range,
                    gsi.path("Projection").path("ProjectionType").asText()));
        }
        return new Table(pk, attributes, indexes);
    }
}
