#!/usr/bin/env bash
# Checks, before a deploy, that the models the stack is configured with will answer: for the
# coverage model on Bedrock, that the stack's region has an inference profile for it (resolved from
# Bedrock, never built from a prefix), that the model is not Legacy or past its end of life
# (get-foundation-model -> modelLifecycle), and that this account may call it (a one-token Converse
# call); for Gemini, that the model still exists for the key (a tiny metadata request).
# Prints the resolved inference profile id on stdout (the last line) and reasons on stderr; exits 1
# when a model cannot be used, with the replacement to configure.
#
#   infra/scripts/check-models.sh [--region us-east-1] [--model deepseek.r1-v1:0] [--gemini-model gemini-2.5-flash-lite]
#                                 [--allow-legacy] [--skip-access]
#
# GEMINI_API_KEY (environment) enables the Gemini check; the key is sent in a header read from
# stdin, so it never appears in a process list or a log.
set -euo pipefail

REGION=${AWS_REGION:-us-east-1}
MODEL=${SOROT_BEDROCK_FOUNDATION_MODEL:-deepseek.r1-v1:0}
GEMINI_MODEL=${SOROT_GEMINI_MODEL:-gemini-2.5-flash-lite}
ALLOW_LEGACY=false
ACCESS=true
# Replacements that take the same Converse request (a system prompt, a JSON answer); not tried from
# this repository's CI, which reaches no AWS. Switching is one parameter: BedrockFoundationModelId
# (the profile is resolved from it), or GeminiModel.
BEDROCK_REPLACEMENTS="deepseek.v3-v1:0 (DeepSeek-V3.1), qwen.qwen3-235b-a22b-2507-v1:0, anthropic.claude-sonnet-4-5-20250929-v1:0"
GEMINI_REPLACEMENTS="gemini-2.5-flash, gemini-flash-lite-latest"

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --region) REGION=$2; shift 2 ;;
    --model) MODEL=$2; shift 2 ;;
    --gemini-model) GEMINI_MODEL=$2; shift 2 ;;
    --allow-legacy) ALLOW_LEGACY=true; shift ;;
    --skip-access) ACCESS=false; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "check-models.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
# a profile id given instead of the model (us.deepseek.r1-v1:0): the model is what follows the geography
case "$MODEL" in us.*|eu.*|apac.*|global.*|us-gov.*|ca.*|jp.*|au.*) MODEL=${MODEL#*.} ;; esac

fail() { echo "check-models.sh: $*" >&2; exit 1; }

# ---- 1. the inference profile this region has for the model ------------------------------------
profiles=$(aws bedrock list-inference-profiles --region "$REGION" --type-equals SYSTEM_DEFINED \
  --query 'inferenceProfileSummaries[].inferenceProfileId' --output text 2>/dev/null) \
  || fail "cannot list Bedrock inference profiles in $REGION (is Bedrock offered there, and may this user call bedrock:ListInferenceProfiles?)"
PROFILE=""
for id in $profiles; do
  if [ "${id#*.}" = "$MODEL" ]; then
    # a geography's profile before the global one: it keeps the requests in the stack's geography
    case "$id" in global.*) [ -z "$PROFILE" ] && PROFILE=$id ;; *) PROFILE=$id ;; esac
  fi
done
if [ -z "$PROFILE" ]; then
  fail "$REGION has no inference profile for $MODEL, so the stack could not call it there. Deploy to a region that has one (aws bedrock list-inference-profiles --region REGION), or set BedrockFoundationModelId to a model served in $REGION: $BEDROCK_REPLACEMENTS."
fi
echo "Bedrock: $MODEL is served in $REGION through the inference profile $PROFILE" >&2

# ---- 2. its lifecycle ------------------------------------------------------------------------
lifecycle=$(aws bedrock get-foundation-model --region "$REGION" --model-identifier "$MODEL" \
  --query 'modelDetails.modelLifecycle.[status,endOfLifeTime]' --output text 2>/dev/null) \
  || fail "Bedrock does not know the model $MODEL in $REGION"
status=$(printf '%s' "$lifecycle" | awk '{print $1}')
eol=$(printf '%s' "$lifecycle" | awk '{print $2}')
if [ -n "$eol" ] && [ "$eol" != None ]; then
  eol_epoch=$(date -u -d "$eol" +%s 2>/dev/null || echo 0)
  now=$(date -u +%s)
  if [ "$eol_epoch" -gt 0 ] && [ "$eol_epoch" -le "$now" ]; then
    fail "$MODEL reached its end of life on $eol: Bedrock no longer serves it. Set BedrockFoundationModelId to one of: $BEDROCK_REPLACEMENTS."
  fi
  if [ "$eol_epoch" -gt 0 ] && [ $((eol_epoch - now)) -lt $((60 * 86400)) ]; then
    echo "Warning: $MODEL reaches its end of life on $eol, in under 60 days. Plan the switch to one of: $BEDROCK_REPLACEMENTS." >&2
  fi
fi
if [ "$status" = LEGACY ]; then
  if [ "$ALLOW_LEGACY" = true ]; then
    echo "Warning: $MODEL is Legacy (end of life ${eol:-not announced}); deploying anyway (--allow-legacy)." >&2
  else
    fail "$MODEL is Legacy on Bedrock (end of life ${eol:-not announced}); accounts that have not used it are refused. Set BedrockFoundationModelId to one of: $BEDROCK_REPLACEMENTS (or pass --allow-legacy if this account already uses it)."
  fi
fi
echo "Bedrock: $MODEL lifecycle ${status:-unknown}${eol:+, end of life $eol}" >&2

# ---- 3. may this account call it? --------------------------------------------------------------
if [ "$ACCESS" = true ]; then
  if ! answer=$(aws bedrock-runtime converse --region "$REGION" --model-id "$PROFILE" \
      --messages '[{"role":"user","content":[{"text":"Reply with OK."}]}]' \
      --inference-config '{"maxTokens":1}' --query 'stopReason' --output text 2>&1); then
    fail "this account cannot call $PROFILE: $(printf '%s' "$answer" | tail -1). Request access under Bedrock > Model access in $REGION, or choose another model."
  fi
  echo "Bedrock: a one-token call to $PROFILE answered (stopReason $answer)" >&2
fi

# ---- 4. Gemini ---------------------------------------------------------------------------------
if [ -n "${GEMINI_API_KEY:-}" ]; then
  command -v curl >/dev/null 2>&1 || fail "curl is required to check the Gemini model"
  code=$(printf 'x-goog-api-key: %s\n' "$GEMINI_API_KEY" | curl -sS -o /dev/null -w '%{http_code}' --max-time 20 \
    -H @- "https://generativelanguage.googleapis.com/v1beta/models/$GEMINI_MODEL" 2>/dev/null || echo 000)
  case "$code" in
    200) echo "Gemini: $GEMINI_MODEL is available to this key" >&2 ;;
    404) fail "Google no longer serves $GEMINI_MODEL. Set GeminiModel to one of: $GEMINI_REPLACEMENTS." ;;
    400|401|403) fail "Google refused the Gemini key (HTTP $code): check GEMINI_API_KEY in .env." ;;
    *) fail "the Gemini check got HTTP $code; try again, or deploy without GEMINI_API_KEY (trailers get link metadata only)." ;;
  esac
fi
echo "$PROFILE"
