"""Weekly leaderboard posts: when each team's post is due, what it says, and the service that
claims, sends and marks it, so it goes out once a week whatever restarts and replicas do.

Time rules (pure functions below; DST-correct through zoneinfo):
- A week is the ISO week, Monday 00:00 to Monday 00:00, in the schedule's timezone.
- The post for the week that just ended is due from its scheduled local time (weekday, hour) in
  the current week until the current week ends. A bot that was down at that time posts when it
  comes back; a week older than that is never posted late (nobody wants last month's board).
- A schedule set or changed after this week's posting time first posts next week, and a team
  gets at most one post per week whatever its channel, so a change never makes a second post.

Exactly once: the post is claimed with a unique (team, week) row before it is sent and
marked sent after. A claim left unsent (a crash, a platform error) is taken over after
CLAIM_TIMEOUT. A crash after the platform accepted the message but before it was marked sent
therefore repeats it once; that is the price of never losing a week.
"""
