package ai.sorot.lambda.aws;

/**
 * List prices in US dollars (on-demand, us-east-1) that turn a step's usage into the estimated
 * cost the report shows. Prices change: these are the published list prices as of the date below,
 * and {@code bench/cloud-cost.sh} prints what an analysis costs with them. Nothing here is billed;
 * the AWS bill and Google's are the truth.
 *
 * @param asOf the month these prices were read from the providers' pricing pages
 */
public record PriceList(
        String asOf,
        double bedrockR1InputPerMillion,
        double bedrockR1OutputPerMillion,
        double geminiInputPerMillion,
        double geminiAudioInputPerMillion,
        double geminiOutputPerMillion,
        double pollyNeuralPerMillionCharacters,
        double lambdaPerGbSecond,
        double lambdaPerMillionRequests,
        double httpApiPerMillionRequests,
        double sqsPerMillionRequests,
        double dynamoPerMillionWrites,
        double dynamoPerMillionReads,
        double s3PerThousandPuts,
        double s3PerThousandGets,
        double secretsManagerPerTenThousandCalls,
        double secretsManagerPerSecretMonth) {

    /**
     * DeepSeek-R1 on Bedrock $1.35 / $5.40 per million input / output tokens; Gemini 2.5
     * Flash-Lite $0.10 per million text, image and video tokens, $0.30 audio, $0.40 output;
     * Polly neural $16 per million characters; Lambda x86 $0.0000166667 per GB-second; HTTP API
     * $1.00 per million requests; SQS $0.40 per million; DynamoDB on demand $0.625 / $0.125 per
     * million write / read units; S3 $0.005 per 1,000 PUTs, $0.0004 per 1,000 GETs; Secrets
     * Manager $0.40 per secret-month and $0.05 per 10,000 calls.
     */
    public static final PriceList LIST = new PriceList(
            "2025-06",
            1.35,
            5.40,
            0.10,
            0.30,
            0.40,
            16.00,
            0.0000166667,
            0.20,
            1.00,
            0.40,
            0.625,
            0.125,
            0.005,
            0.0004,
            0.05,
            0.40);

    public double bedrockR1(long inputTokens, long outputTokens) {
        return (inputTokens * bedrockR1InputPerMillion + outputTokens * bedrockR1OutputPerMillion) / 1e6;
    }

    public double gemini(long textAndVideoTokens, long audioTokens, long outputTokens) {
        return (textAndVideoTokens * geminiInputPerMillion
                        + audioTokens * geminiAudioInputPerMillion
                        + outputTokens * geminiOutputPerMillion)
                / 1e6;
    }

    public double pollyNeural(long characters) {
        return characters * pollyNeuralPerMillionCharacters / 1e6;
    }
}
