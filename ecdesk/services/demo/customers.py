"""The demo shop's buyers: a pool of regulars who come back (a few very often) and a stream of
one-off buyers. Each buyer belongs to one channel, as marketplace accounts do."""

from __future__ import annotations

import random
from typing import NamedTuple

from ecdesk.services.demo.draw import Weighted, pick

SURNAMES = (("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"),
            ("杨", "yang"), ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"),
            ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"), ("胡", "hu"),
            ("郭", "guo"), ("何", "he"), ("林", "lin"), ("高", "gao"), ("罗", "luo"))
GIVEN = (("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"),
         ("丽", "li"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"),
         ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"), ("涛", "tao"),
         ("明", "ming"), ("超", "chao"), ("秀英", "xiuying"), ("霞", "xia"), ("平", "ping"),
         ("子涵", "zihan"), ("一诺", "yinuo"), ("浩然", "haoran"), ("欣怡", "xinyi"))
REPEAT_SHARE = 0.38  # of orders placed by a regular


class Buyer(NamedTuple):
    name: str
    key: str  # casefolded, as Order.customer_key
    channel: int  # index into the channel list


class Buyers:
    """Draws the buyer of each order; regulars are weighted so that a few buy very often."""

    def __init__(self, rng: random.Random, channel_weights: list[float], orders: int,
                 email_channels: set[int]) -> None:
        self._rng = rng
        self._channels = Weighted(range(len(channel_weights)), channel_weights)
        self._email_channels = email_channels
        self._next = 0
        size = max(50, int(orders * REPEAT_SHARE / 4))  # a regular buys 4 times on average
        self.regulars = Weighted([self._new() for _ in range(size)],
                                 (1 / (i + 2) ** 0.5 for i in range(size)))

    def draw(self) -> Buyer:
        if self._rng.random() < REPEAT_SHARE:
            return self.regulars.draw(self._rng)
        return self._new()

    def _new(self) -> Buyer:
        self._next += 1
        number = self._next
        rng = self._rng
        surname, surname_py = pick(rng, SURNAMES)
        given, given_py = pick(rng, GIVEN)
        channel = self._channels.draw(rng)
        if channel in self._email_channels:
            key = f"{given_py}.{surname_py}{number}@example.com"
        else:
            key = f"{surname_py}_{given_py}{number}"
        return Buyer(surname + given, key.casefold(), channel)
