#!/usr/bin/env bash
# Builds the Lambda image (the Maven build runs inside Docker: lambda/cloud/Dockerfile), pushes it to ECR
# (sorot-ai-lambda, immutable tags) and deploys the stack (sorot-ai-stack) pinned to the image's
# digest. Run from anywhere; needs the AWS CLI v2, the SAM CLI and Docker. Reads .env at the
# repository root (GEMINI_API_KEY, SOROT_API_TOKENS, AWS_REGION). Checks the models first
# (check-models.sh): a region without an inference profile, a Legacy or retired model stop it.
#
#   infra/scripts/deploy.sh [--region us-east-1] [--stack sorot-ai-stack] [--tag TAG] [--guided]
#                           [--cloudformation] [--rollback TAG] [--allow-legacy-model]
#
# --rollback TAG deploys the image ECR holds for TAG, by its digest: nothing is built or pushed.
# A deploy of a commit already pushed reuses its image. --cloudformation deploys the same template
# with 'aws cloudformation deploy', for a machine without the SAM CLI.
#
# The first deploy generates an API token when SOROT_API_TOKENS is not set, prints it once and
# writes it to .env. Later deploys keep the stored token and key unless you set new ones.
set -euo pipefail

SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
if [ -f .env ]; then
  set -a
  # shellcheck disable=SC1091 # the user's own settings, not in the repository
  . ./.env
  set +a
fi

REGION=${AWS_REGION:-us-east-1}
STACK=sorot-ai-stack
REPOSITORY=sorot-ai-lambda
TAG=""
GUIDED=false
ROLLBACK=""
DEPLOYER=sam
MODEL_FLAGS=()

usage() { sed -n '2,17p' "$SELF" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --region) REGION=$2; shift 2 ;;
    --stack) STACK=$2; shift 2 ;;
    --tag) TAG=$2; shift 2 ;;
    --guided) GUIDED=true; shift ;;
    --rollback) ROLLBACK=$2; shift 2 ;;
    --no-build)
      # the old way to redeploy a tag; it rebuilt the image under that tag. Now it means --rollback.
      echo "deploy.sh: --no-build is now --rollback TAG (deploys what ECR holds for the tag, builds nothing)" >&2
      ROLLBACK=pending; shift ;;
    --allow-legacy-model) MODEL_FLAGS+=(--allow-legacy); shift ;;
    --cloudformation) DEPLOYER=cloudformation; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "deploy.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

need() { command -v "$1" >/dev/null 2>&1 || { echo "deploy.sh: $1 is required: $2" >&2; exit 1; }; }
need aws "https://aws.amazon.com/cli/"
if [ "$DEPLOYER" = sam ]; then
  need sam "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/install-sam-cli.html (or use --cloudformation)"
fi
if [ "$ROLLBACK" = pending ]; then
  [ -n "$TAG" ] || { echo "deploy.sh: --no-build needs --tag TAG (better: --rollback TAG)" >&2; exit 2; }
  ROLLBACK=$TAG
fi

ACCOUNT=$(aws sts get-caller-identity --query Account --output text) || {
  echo "deploy.sh: no usable AWS credentials; run 'aws configure' (or 'aws sso login')" >&2; exit 1; }
REGISTRY="$ACCOUNT.dkr.ecr.$REGION.amazonaws.com"
DIRTY=false
if [ -n "$ROLLBACK" ]; then
  TAG=$ROLLBACK
elif [ -z "$TAG" ]; then
  TAG=$(git rev-parse --short=12 HEAD 2>/dev/null || date -u +%Y%m%d%H%M%S)
  if [ -n "$(git status --porcelain 2>/dev/null)" ]; then
    TAG="$TAG-dirty-$(date -u +%Y%m%d%H%M%S)"
    DIRTY=true
  fi
fi
IMAGE="$REGISTRY/$REPOSITORY:$TAG"
echo "==> account $ACCOUNT, region $REGION, stack $STACK, image $IMAGE"

# 1. the repository lives outside the stack (see docs/cloud.md: "ECR repository already exists")
if ! aws ecr describe-repositories --region "$REGION" --repository-names "$REPOSITORY" >/dev/null 2>&1; then
  echo "==> creating the ECR repository $REPOSITORY (infra/scripts/setup-iam.sh does this and more)"
  aws ecr create-repository --region "$REGION" --repository-name "$REPOSITORY" \
    --image-scanning-configuration scanOnPush=true >/dev/null
fi

# 2. the models the stack will call: stop here rather than fail on the first analysis
echo "==> checking the models (check-models.sh)"
PROFILE=$("$ROOT/infra/scripts/check-models.sh" --region "$REGION" \
  --model "${SOROT_BEDROCK_FOUNDATION_MODEL:-deepseek.r1-v1:0}" --gemini-model "${SOROT_GEMINI_MODEL:-gemini-2.5-flash-lite}" \
  ${MODEL_FLAGS[@]+"${MODEL_FLAGS[@]}"} | tail -1)

# 3. the image: the one ECR already holds for the tag (a rollback, or a commit pushed before), or a new one
digest_of() {
  aws ecr describe-images --region "$REGION" --repository-name "$REPOSITORY" --image-ids imageTag="$1" \
    --query 'imageDetails[0].imageDigest' --output text 2>/dev/null || true
}
DIGEST=$(digest_of "$TAG")
case "$DIGEST" in sha256:*) ;; *) DIGEST="" ;; esac
if [ -n "$ROLLBACK" ]; then
  [ -n "$DIGEST" ] || { echo "deploy.sh: ECR has no image tagged $TAG in $REPOSITORY; nothing to roll back to (aws ecr describe-images --repository-name $REPOSITORY lists the tags)" >&2; exit 1; }
  echo "==> rolling back to $TAG: nothing is built or pushed"
elif [ -n "$DIGEST" ] && [ "$DIRTY" = false ]; then
  echo "==> ECR already holds $TAG (this commit): reusing it"
else
  need docker "https://docs.docker.com/get-docker/ (the engine must be running)"
  docker info >/dev/null 2>&1 || { echo "deploy.sh: the Docker engine is not running" >&2; exit 1; }
  echo "==> docker build (linux/amd64: the functions run on x86_64; Maven runs inside the build)"
  # --provenance=false: Lambda takes a single image manifest, not the index BuildKit writes with attestations
  docker build --platform linux/amd64 --provenance=false -f lambda/cloud/Dockerfile -t "$REPOSITORY:$TAG" .
  echo "==> pushing to $REGISTRY"
  aws ecr get-login-password --region "$REGION" | docker login --username AWS --password-stdin "$REGISTRY" >/dev/null
  docker tag "$REPOSITORY:$TAG" "$IMAGE"
  docker push "$IMAGE" >/dev/null
  DIGEST=$(digest_of "$TAG")
fi
IMAGE_URI="$REGISTRY/$REPOSITORY@$DIGEST"
echo "    $IMAGE_URI"

# 4. the stack
if [ "$DEPLOYER" = sam ]; then
  sam validate --template-file infra/template.yaml --region "$REGION" --lint
else
  aws cloudformation validate-template --region "$REGION" --template-body file://infra/template.yaml >/dev/null
fi
STACK_EXISTS=false
if aws cloudformation describe-stacks --region "$REGION" --stack-name "$STACK" >/dev/null 2>&1; then
  STACK_EXISTS=true
fi
overrides=("ImageUri=$IMAGE_URI" "BedrockModelId=$PROFILE" "BedrockFoundationModelId=${PROFILE#*.}")
if [ -n "${SOROT_API_TOKENS:-}" ]; then
  overrides+=("ApiTokens=$SOROT_API_TOKENS")
elif [ "$STACK_EXISTS" = false ]; then
  need openssl "to generate the first API token"
  SOROT_API_TOKENS=$(openssl rand -hex 24)
  overrides+=("ApiTokens=$SOROT_API_TOKENS")
  printf '\nSOROT_API_TOKENS=%s\n' "$SOROT_API_TOKENS" >> .env
  chmod 600 .env
  echo "==> generated an API token and saved it in .env (SOROT_API_TOKENS): send it as 'Authorization: Bearer <token>'"
fi
if [ -n "${GEMINI_API_KEY:-}" ]; then
  overrides+=("GeminiApiKey=$GEMINI_API_KEY")
elif [ "$STACK_EXISTS" = false ]; then
  echo "==> no GEMINI_API_KEY: trailers will get link metadata only (set it in .env and deploy again to add Gemini)"
fi

if [ "$DEPLOYER" = sam ]; then
  # the image is already in ECR (ImageUri, by digest): --image-repository only satisfies SAM's check
  args=(--template-file infra/template.yaml --config-file "$ROOT/infra/samconfig.toml" --stack-name "$STACK"
        --region "$REGION" --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset
        --image-repository "$REGISTRY/$REPOSITORY" --parameter-overrides "${overrides[@]}")
  if [ "$GUIDED" = true ]; then
    sam deploy "${args[@]}" --guided
  else
    sam deploy "${args[@]}" --no-confirm-changeset
  fi
else
  # CloudFormation expands the SAM transform itself; parameters not given keep their stored values
  aws cloudformation deploy --template-file infra/template.yaml --stack-name "$STACK" --region "$REGION" \
    --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND --no-fail-on-empty-changeset \
    --tags project=sorot --parameter-overrides "${overrides[@]}"
fi

API_URL=$(aws cloudformation describe-stacks --region "$REGION" --stack-name "$STACK" \
  --query "Stacks[0].Outputs[?OutputKey=='ApiUrl'].OutputValue" --output text)
echo
echo "Deployed. API: $API_URL"
echo "Check it:   infra/scripts/smoke-test.sh $API_URL"
echo "Logs:       aws logs tail /sorot/$STACK/api --follow --region $REGION"
echo "            aws logs tail /sorot/$STACK/worker --follow --region $REGION"
echo "            aws logs tail /sorot/$STACK/dead-letters --follow --region $REGION"
echo "Roll back:  infra/scripts/deploy.sh --rollback $TAG   (or any earlier tag)"
