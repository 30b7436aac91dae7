"""Question generators: each turns facts of one kind into candidate questions."""
