"""Kill harness: start a real batch write in a child process, SIGKILL it at a random moment."""
