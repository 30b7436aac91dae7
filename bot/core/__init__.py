"""The game itself: rules, scoring, scheduling decisions and views. Knows no platform and no SQL."""
