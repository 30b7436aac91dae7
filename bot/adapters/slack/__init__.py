"""The Slack adapter: a Bolt `AsyncApp` that turns slash commands, button clicks and modal
submissions into core calls, and renders core views as Block Kit."""
