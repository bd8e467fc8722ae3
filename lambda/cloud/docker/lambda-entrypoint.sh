#!/bin/sh
# The image's entry point: the Lambda runtime interface client, started on our own class path
# with the class-data sharing archive (see lambda/cloud/Dockerfile). The handler comes as the first
# argument: the SAM template's ImageConfig.Command, one per function.
set -eu
handler=${1:-ai.sorot.lambda.aws.cloud.LambdaApiHandler::handleRequest}
root=${LAMBDA_TASK_ROOT:-/var/task}
java=${SOROT_JAVA:-/var/lang/bin/java}
# three quarters of the function's memory for the heap; the rest is metaspace, threads, buffers
memory=${AWS_LAMBDA_FUNCTION_MEMORY_SIZE:-1024}
heap=$((memory * 3 / 4))
archive=""
if [ -f "$root/sorot.jsa" ]; then
  archive="-XX:SharedArchiveFile=$root/sorot.jsa"
fi
set -- "$java" "-Xmx${heap}m" -XX:MaxMetaspaceSize=256m ${archive:+"$archive"} "@$root/jvm.options" \
  com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$handler"
if [ -z "${AWS_LAMBDA_RUNTIME_API:-}" ]; then
  # outside Lambda (docker run -p 9000:8080 ...): the base image's runtime interface emulator
  exec /usr/local/bin/aws-lambda-rie "$@"
fi
exec "$@"
