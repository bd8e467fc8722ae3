import ai.sorot.lambda.aws.PriceList;
import ai.sorot.lambda.aws.bedrock.BedrockCoverageAnalyst;
import ai.sorot.lambda.coverage.CoveragePrompt;
import ai.sorot.lambda.aws.polly.SsmlChunks;
import ai.sorot.lambda.offline.OfflineCoverageAnalyst;
import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.lambda.pipeline.Curator;
import ai.sorot.lambda.pipeline.SummaryWriter;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What one cloud analysis costs at list prices, per screenplay: the coverage prompt's real size
 * (built from the parsed script by the code the worker runs), DeepSeek-R1's output at the 8k cap
 * and at a typical length, a two-minute trailer through Gemini 2.5 Flash-Lite, the audio summary's
 * real billed characters through Polly (spoken twice in the worst case: the pipeline may retell it
 * once to land between 60 and 120 s), and the AWS plumbing of one analysis (Lambda, HTTP API,
 * SQS, DynamoDB, S3, Secrets Manager) for a client that polls /status every 3 s.
 */
public final class CloudCost {

    static final PriceList P = PriceList.LIST;
    static final int TYPICAL_R1_OUTPUT = 4_000;    // reasoning + the JSON answer; the cap is 8,192
    static final double TRAILER_SECONDS = 120;      // a festival trailer: two minutes
    static final int GEMINI_TEXT_IN = 1_600;        // instructions + the screenplay's figures and opening
    static final int GEMINI_OUT = 500;
    static final double WORKER_SECONDS = 150;       // R1 answers in 30 s to minutes; 2.5 min is a middle case
    static final double WORKER_GB = 2.0;
    static final int API_CALLS = 3 + 50;            // analyze, report, audio + /status polled every 3 s
    static final double API_SECONDS_EACH = 0.15;
    static final double API_GB = 1.0;

    public static void main(String[] args) throws Exception {
        System.out.printf("List prices as of %s (us-east-1, on demand)%n%n", P.asOf());
        System.out.printf("%-34s %5s %8s %9s | %8s %8s %8s %8s %8s | %8s %8s%n", "screenplay", "pages", "prompt", "level",
                "R1 typ", "R1 max", "Gemini", "Polly", "AWS", "total", "per 1000");
        for (var arg : args) {
            var file = Path.of(arg);
            var screenplay = new ScreenplayReader().read(Files.readAllBytes(file), file.getFileName().toString());
            var prompt = CoveragePrompt.build(screenplay.title(), screenplay, 90_000);
            // the spoken summary as the pipeline writes it (from the offline coverage: the same length class)
            var coverage = new OfflineCoverageAnalyst().analyse(new CoverageRequest("analysis-1764000000000-costcost",
                    screenplay.title(), screenplay, Duration.ofMinutes(1))).output();
            var curation = new Curator().curate(screenplay, coverage, null);
            var script = new SummaryWriter().write(screenplay.title(), screenplay.authors(), screenplay, coverage, null, curation,
                    SummaryWriter.DEFAULT_TARGET_WORDS);
            long characters = SsmlChunks.of(script).stream().mapToLong(SsmlChunks.Chunk::billedCharacters).sum() * 2;

            double r1Typical = P.bedrockR1(prompt.estimatedTokens(), TYPICAL_R1_OUTPUT);
            double r1Max = P.bedrockR1(2L * prompt.estimatedTokens(), 2L * BedrockCoverageAnalyst.MAX_OUTPUT_TOKENS); // a repair retry too
            long videoTokens = Math.round(TRAILER_SECONDS * 258);
            long audioTokens = Math.round(TRAILER_SECONDS * 32);
            double gemini = P.gemini(GEMINI_TEXT_IN + videoTokens, audioTokens, GEMINI_OUT);
            double polly = P.pollyNeural(characters);
            double aws = plumbing();
            double total = r1Typical + gemini + polly + aws;
            System.out.printf("%-34s %5d %8d %9s | %8.4f %8.4f %8.4f %8.4f %8.4f | %8.4f %8.2f%n", clip(file.getFileName().toString()),
                    screenplay.pageCount(), prompt.estimatedTokens(), prompt.level().name().toLowerCase(), r1Typical, r1Max, gemini, polly,
                    aws, total, total * 1000);
        }
        System.out.printf("%nAWS plumbing per analysis: $%.5f (worker %.0f s at %.0f GB, %d API calls, SQS, DynamoDB, S3, Secrets Manager)%n",
                plumbing(), WORKER_SECONDS, WORKER_GB, API_CALLS);
        System.out.printf("Fixed per month: Secrets Manager secret $%.2f; CloudWatch Logs at $0.50/GB ingested (a few MB a month).%n",
                P.secretsManagerPerSecretMonth());
    }

    static double plumbing() {
        double lambda = (WORKER_SECONDS * WORKER_GB + API_CALLS * API_SECONDS_EACH * API_GB) * P.lambdaPerGbSecond()
                + (API_CALLS + 2) * P.lambdaPerMillionRequests() / 1e6;
        double httpApi = API_CALLS * P.httpApiPerMillionRequests() / 1e6;
        double sqs = 4 * P.sqsPerMillionRequests() / 1e6;                       // send, receive, delete, a continuation
        double dynamo = 16 * P.dynamoPerMillionWrites() / 1e6 + (API_CALLS + 12) * P.dynamoPerMillionReads() / 1e6;
        double s3 = 12 * P.s3PerThousandPuts() / 1e3 + 14 * P.s3PerThousandGets() / 1e3;
        double secrets = 2 * P.secretsManagerPerTenThousandCalls() / 1e4;
        return lambda + httpApi + sqs + dynamo + s3 + secrets;
    }

    static String clip(String name) {
        return name.length() > 34 ? name.substring(0, 33) + "…" : name;
    }
}
