package ai.sorot.lambda.aws.cloud;

import ai.sorot.lambda.api.ApiRouter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.System.Logger.Level;

/**
 * The Lambda entry point behind the API Gateway HTTP API (payload format 2.0). It only
 * translates: the router does the rest. The backend (stores, queue, clients) is built once per
 * container, in the constructor the runtime calls, never per request.
 */
public final class LambdaApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final System.Logger LOG = System.getLogger(LambdaApiHandler.class.getName());

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
        long started = System.nanoTime();
        var response = router.handle(event);
        // one access line per request: route and outcome only, never a body, a header or a token
        LOG.log(
                Level.INFO,
                () -> "%s %s %d in %d ms (request %s)"
                        .formatted(
                                ApiRouter.method(event),
                                ApiRouter.path(event),
                                response.getStatusCode(),
                                (System.nanoTime() - started) / 1_000_000,
                                context == null ? "-" : context.getAwsRequestId()));
        return response;
    }
}
