"""The Dashboard: the business at a glance for a period and channel, computed off the GUI thread
from the same queries and figure builders as the PDF reports."""
