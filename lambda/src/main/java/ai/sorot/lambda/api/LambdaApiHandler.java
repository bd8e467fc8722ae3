package ai.sorot.lambda.api;

import ai.sorot.lambda.BackendConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * The Lambda entry point behind the API Gateway HTTP API (payload format 2.0). It only
 * translates: the router does the rest. The backend (stores, queue, clients) is built once per
 * container, in the constructor the runtime calls, never per request.
 */
public final class LambdaApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    /** For the Lambda runtime: the backend comes from the environment ({@code SOROT_MODE}). */
    public LambdaApiHandler() {
        this(new ApiRouter(BackendConfig.fromEnvironment().backend()));
    }

    public LambdaApiHandler(ApiRouter router) {
        this.router = router;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
