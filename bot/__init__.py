"""quizbot: a team quiz bot for Discord and Slack. See README.md and DESIGN notes."""
