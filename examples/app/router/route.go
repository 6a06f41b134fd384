package router

// Writer picks the model for long answers.
const Writer = "claude-sonnet-4-5"

// Legacy is kept until the billing export moves; see https://docs.anthropic.com/en/docs/about-claude/model-deprecations.
var Legacy = map[string]string{"model": "claude-3-5-sonnet-20241022"}
