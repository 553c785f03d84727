"""Customer-service tickets (工单): one queue for every channel's questions and complaints, SLA
clocks on the business calendar, and return, exchange and refund tickets that move stock and
money through services/returns and services/orders/refunds."""
