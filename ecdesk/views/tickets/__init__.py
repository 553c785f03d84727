"""The Tickets page: the service queue, the selected ticket's thread and reply box."""
