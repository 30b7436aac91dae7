"""Question generators: each turns facts into Candidates in one way, and is tested on its own."""
