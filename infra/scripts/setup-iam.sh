#!/usr/bin/env bash
# One-time (and repeatable) account set-up for deploying Sorot, safe to run again at any time:
#   - the ECR repository sorot-ai-lambda, kept outside the stack (so that re-creating the stack never
#     meets "Resource of type 'AWS::ECR::Repository' ... already exists"), scanned on push, last 20 images
#     kept, tags immutable (a tag always names the image first pushed under it, so a rollback restores it);
#   - the managed policy SorotAIDeployPolicy with what a deployer needs for this stack only, attached to
#     a user or role of your choosing (--attach-user / --attach-role); created, or updated in place;
#   - the model checks deploy.sh runs too (check-models.sh): the region's inference profile for the
#     coverage model, its lifecycle (not Legacy, not retired) and a one-token call.
# The functions' own roles are created by the stack (infra/template.yaml), least privilege, not here.
#
#   infra/scripts/setup-iam.sh [--region us-east-1] [--stack sorot-ai-stack] [--attach-user NAME | --attach-role NAME]
set -euo pipefail

REGION=${AWS_REGION:-us-east-1}
STACK=sorot-ai-stack
REPOSITORY=sorot-ai-lambda
POLICY_NAME=SorotAIDeployPolicy
MODEL=deepseek.r1-v1:0
ATTACH_USER=""
ATTACH_ROLE=""

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --region) REGION=$2; shift 2 ;;
    --stack) STACK=$2; shift 2 ;;
    --attach-user) ATTACH_USER=$2; shift 2 ;;
    --attach-role) ATTACH_ROLE=$2; shift 2 ;;
    --model) MODEL=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "setup-iam.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

command -v aws >/dev/null 2>&1 || { echo "setup-iam.sh: the AWS CLI v2 is required (https://aws.amazon.com/cli/)" >&2; exit 1; }
ACCOUNT=$(aws sts get-caller-identity --query Account --output text) || {
  echo "setup-iam.sh: no usable AWS credentials; run 'aws configure' (or 'aws sso login') first" >&2; exit 1; }
PARTITION=aws
echo "Account $ACCOUNT, region $REGION, stack $STACK"

# ---- the image repository -------------------------------------------------------------------
if aws ecr describe-repositories --region "$REGION" --repository-names "$REPOSITORY" >/dev/null 2>&1; then
  echo "ECR repository $REPOSITORY: exists"
else
  aws ecr create-repository --region "$REGION" --repository-name "$REPOSITORY" \
    --image-scanning-configuration scanOnPush=true --encryption-configuration encryptionType=AES256 \
    --image-tag-mutability IMMUTABLE >/dev/null
  echo "ECR repository $REPOSITORY: created"
fi
aws ecr put-image-tag-mutability --region "$REGION" --repository-name "$REPOSITORY" --image-tag-mutability IMMUTABLE >/dev/null
aws ecr put-lifecycle-policy --region "$REGION" --repository-name "$REPOSITORY" --lifecycle-policy-text \
  '{"rules":[{"rulePriority":1,"description":"keep the last 20 images","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":20},"action":{"type":"expire"}}]}' \
  >/dev/null
aws ecr put-image-scanning-configuration --region "$REGION" --repository-name "$REPOSITORY" \
  --image-scanning-configuration scanOnPush=true >/dev/null

# ---- the deployer's policy ------------------------------------------------------------------
ARN_PREFIX="arn:$PARTITION"
read -r -d '' POLICY <<JSON || true
{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Stack", "Effect": "Allow",
     "Action": ["cloudformation:CreateChangeSet", "cloudformation:DescribeChangeSet", "cloudformation:ExecuteChangeSet",
                "cloudformation:DeleteChangeSet", "cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents",
                "cloudformation:DescribeStackResource", "cloudformation:DescribeStackResources", "cloudformation:GetTemplate",
                "cloudformation:GetTemplateSummary", "cloudformation:ListStackResources", "cloudformation:DeleteStack",
                "cloudformation:RollbackStack", "cloudformation:ContinueUpdateRollback"],
     "Resource": "$ARN_PREFIX:cloudformation:$REGION:$ACCOUNT:stack/$STACK/*"},
    {"Sid": "SamTransform", "Effect": "Allow", "Action": "cloudformation:CreateChangeSet",
     "Resource": "$ARN_PREFIX:cloudformation:$REGION:aws:transform/Serverless-2016-10-31"},
    {"Sid": "Validate", "Effect": "Allow", "Action": ["cloudformation:ValidateTemplate", "sts:GetCallerIdentity"], "Resource": "*"},
    {"Sid": "Image", "Effect": "Allow",
     "Action": ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
                "ecr:PutImage", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:DescribeImages", "ecr:DescribeRepositories",
                "ecr:SetRepositoryPolicy", "ecr:GetRepositoryPolicy", "ecr:PutImageTagMutability"],
     "Resource": "$ARN_PREFIX:ecr:$REGION:$ACCOUNT:repository/$REPOSITORY"},
    {"Sid": "RegistryLogin", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
    {"Sid": "Functions", "Effect": "Allow",
     "Action": ["lambda:CreateFunction", "lambda:DeleteFunction", "lambda:GetFunction", "lambda:GetFunctionConfiguration",
                "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration", "lambda:AddPermission",
                "lambda:RemovePermission", "lambda:TagResource", "lambda:UntagResource", "lambda:ListTags",
                "lambda:GetRuntimeManagementConfig", "lambda:PutFunctionConcurrency", "lambda:DeleteFunctionConcurrency"],
     "Resource": ["$ARN_PREFIX:lambda:$REGION:$ACCOUNT:function:sorot-ai-*", "$ARN_PREFIX:lambda:$REGION:$ACCOUNT:event-source-mapping:*"]},
    {"Sid": "EventSourceMappings", "Effect": "Allow",
     "Action": ["lambda:CreateEventSourceMapping", "lambda:GetEventSourceMapping", "lambda:UpdateEventSourceMapping",
                "lambda:DeleteEventSourceMapping", "lambda:ListEventSourceMappings"], "Resource": "*"},
    {"Sid": "Roles", "Effect": "Allow",
     "Action": ["iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy",
                "iam:GetRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:PassRole",
                "iam:UpdateRoleDescription"],
     "Resource": "$ARN_PREFIX:iam::$ACCOUNT:role/$STACK-*"},
    {"Sid": "HttpApi", "Effect": "Allow", "Action": ["apigateway:GET", "apigateway:POST", "apigateway:PUT", "apigateway:PATCH",
                "apigateway:DELETE", "apigateway:TagResource", "apigateway:UntagResource"],
     "Resource": ["$ARN_PREFIX:apigateway:$REGION::/apis", "$ARN_PREFIX:apigateway:$REGION::/apis/*", "$ARN_PREFIX:apigateway:$REGION::/tags/*"]},
    {"Sid": "State", "Effect": "Allow",
     "Action": ["dynamodb:CreateTable", "dynamodb:DeleteTable", "dynamodb:DescribeTable", "dynamodb:UpdateTable",
                "dynamodb:UpdateTimeToLive", "dynamodb:DescribeTimeToLive", "dynamodb:UpdateContinuousBackups",
                "dynamodb:DescribeContinuousBackups", "dynamodb:TagResource", "dynamodb:ListTagsOfResource"],
     "Resource": "$ARN_PREFIX:dynamodb:$REGION:$ACCOUNT:table/$STACK-*"},
    {"Sid": "Files", "Effect": "Allow",
     "Action": ["s3:CreateBucket", "s3:DeleteBucket", "s3:PutEncryptionConfiguration", "s3:PutBucketPublicAccessBlock",
                "s3:PutBucketOwnershipControls", "s3:PutLifecycleConfiguration", "s3:PutBucketCORS", "s3:PutBucketPolicy",
                "s3:DeleteBucketPolicy", "s3:GetBucketPolicy", "s3:GetBucketLocation", "s3:PutBucketTagging"],
     "Resource": "$ARN_PREFIX:s3:::$STACK-*"},
    {"Sid": "Queues", "Effect": "Allow",
     "Action": ["sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes", "sqs:TagQueue", "sqs:GetQueueUrl"],
     "Resource": "$ARN_PREFIX:sqs:$REGION:$ACCOUNT:$STACK-*"},
    {"Sid": "Secret", "Effect": "Allow",
     "Action": ["secretsmanager:CreateSecret", "secretsmanager:DeleteSecret", "secretsmanager:DescribeSecret",
                "secretsmanager:UpdateSecret", "secretsmanager:PutSecretValue", "secretsmanager:TagResource"],
     "Resource": "$ARN_PREFIX:secretsmanager:$REGION:$ACCOUNT:secret:$STACK/*"},
    {"Sid": "Logs", "Effect": "Allow",
     "Action": ["logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:DescribeLogGroups",
                "logs:TagResource", "logs:FilterLogEvents", "logs:GetLogEvents", "logs:StartLiveTail"],
     "Resource": "$ARN_PREFIX:logs:$REGION:$ACCOUNT:log-group:/sorot/$STACK/*"},
    {"Sid": "Alarm", "Effect": "Allow",
     "Action": ["cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms", "cloudwatch:TagResource",
                "cloudwatch:UntagResource", "cloudwatch:ListTagsForResource"],
     "Resource": "$ARN_PREFIX:cloudwatch:$REGION:$ACCOUNT:alarm:$STACK-*"},
    {"Sid": "Dashboard", "Effect": "Allow", "Action": ["cloudwatch:PutDashboard", "cloudwatch:DeleteDashboards", "cloudwatch:GetDashboard"],
     "Resource": "$ARN_PREFIX:cloudwatch::$ACCOUNT:dashboard/$STACK-*"},
    {"Sid": "SignInPoolCreate", "Effect": "Allow", "Action": "cognito-idp:CreateUserPool", "Resource": "*"},
    {"Sid": "SignInPool", "Effect": "Allow",
     "Action": ["cognito-idp:DeleteUserPool", "cognito-idp:UpdateUserPool", "cognito-idp:DescribeUserPool",
                "cognito-idp:CreateUserPoolClient", "cognito-idp:DeleteUserPoolClient", "cognito-idp:UpdateUserPoolClient",
                "cognito-idp:DescribeUserPoolClient", "cognito-idp:TagResource", "cognito-idp:SetUserPoolMfaConfig"],
     "Resource": "$ARN_PREFIX:cognito-idp:$REGION:$ACCOUNT:userpool/*"},
    {"Sid": "ModelChecks", "Effect": "Allow",
     "Action": ["bedrock:GetInferenceProfile", "bedrock:ListInferenceProfiles", "bedrock:GetFoundationModel"], "Resource": "*"},
    {"Sid": "ModelAccessCheck", "Effect": "Allow", "Action": "bedrock:InvokeModel",
     "Resource": ["$ARN_PREFIX:bedrock:*:$ACCOUNT:inference-profile/*", "$ARN_PREFIX:bedrock:*::foundation-model/*"]}
  ]
}
JSON
POLICY_ARN="$ARN_PREFIX:iam::$ACCOUNT:policy/$POLICY_NAME"
if aws iam get-policy --policy-arn "$POLICY_ARN" >/dev/null 2>&1; then
  # IAM keeps at most five versions: drop the oldest non-default one before adding a new default
  # shellcheck disable=SC2016 # the backticks are JMESPath literals, not shell
  versions=$(aws iam list-policy-versions --policy-arn "$POLICY_ARN" \
    --query 'Versions[?IsDefaultVersion==`false`].[VersionId]' --output text)
  count=$(printf '%s\n' "$versions" | grep -c . || true)
  if [ "$count" -ge 4 ]; then
    oldest=$(printf '%s\n' "$versions" | sort -t v -k2 -n | head -1)
    aws iam delete-policy-version --policy-arn "$POLICY_ARN" --version-id "$oldest"
  fi
  aws iam create-policy-version --policy-arn "$POLICY_ARN" --policy-document "$POLICY" --set-as-default >/dev/null
  echo "IAM policy $POLICY_NAME: updated"
else
  aws iam create-policy --policy-name "$POLICY_NAME" --policy-document "$POLICY" \
    --description "Deploys the Sorot stack $STACK (infra/scripts/setup-iam.sh)" >/dev/null
  echo "IAM policy $POLICY_NAME: created"
fi
if [ -n "$ATTACH_USER" ]; then
  aws iam attach-user-policy --user-name "$ATTACH_USER" --policy-arn "$POLICY_ARN"
  echo "attached to user $ATTACH_USER"
fi
if [ -n "$ATTACH_ROLE" ]; then
  aws iam attach-role-policy --role-name "$ATTACH_ROLE" --policy-arn "$POLICY_ARN"
  echo "attached to role $ATTACH_ROLE"
fi

# ---- what the seed deployment left behind -----------------------------------------------------
if aws iam get-role --role-name sorot-ai-lambda-role >/dev/null 2>&1; then
  echo "Note: the role sorot-ai-lambda-role (from the earlier Node.js deployment, with *FullAccess policies) is not"
  echo "      used by this stack, whose functions get least-privilege roles of their own. Once nothing uses it:"
  echo "      aws iam list-attached-role-policies --role-name sorot-ai-lambda-role  (detach each), then"
  echo "      aws iam delete-role --role-name sorot-ai-lambda-role"
fi

# ---- can this account call the coverage model? -------------------------------------------------
if PROFILE=$("$(dirname "$0")/check-models.sh" --region "$REGION" --model "$MODEL" | tail -1); then
  echo "Bedrock inference profile $PROFILE: available in $REGION"
else
  echo "Warning: the coverage model cannot be used from this account in $REGION (see above); deploy.sh will stop" >&2
  echo "         at the same check until it can. Request access under Bedrock > Model access, or choose another" >&2
  echo "         model (SOROT_BEDROCK_FOUNDATION_MODEL)." >&2
fi
echo "Done. Next: infra/scripts/deploy.sh"
