"""The Discord adapter: slash commands, answer buttons, modals and embeds on discord.py 2.x."""
