"""Changing promotions against a real shop: only a draft or a scheduled promotion that has not
started can be changed (a running, ended or cancelled one is refused with its reason, nothing
written); a saved promotion reads back as the draft that made it; the checks of a draft as if
saved name only it and write nothing; a form's problems come without a write."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from ecdesk.errors import ValidationError
from ecdesk.models import Promotion
from ecdesk.services.changes import ChangeArea
from ecdesk.services.promotions.checks import Check, check_before_saving
from ecdesk.services.promotions.draft import PromotionDraft, draft_of
from ecdesk.services.promotions.store import (
    edit_refusal,
    get_promotion,
    promotion_problems,
    save_promotion,
    set_promotion_status,
)
from ecdesk.services.promotions.terms import Status
from tests.integration.pricing_fixtures import PricingShop, build_pricing_shop

BEFORE = datetime(2030, 11, 1, tzinfo=UTC)
DURING = datetime(2030, 11, 11, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai on the 11th
AFTER = datetime(2030, 11, 20, tzinfo=UTC)
TIERS = PromotionDraft(name="双11 满减", kind="basket_tiers", channels=("Tmall", "JD"),
                       starts="2030-11-11 00:00", ends="2030-11-12 00:00",
                       tiers="200:30, 300:50", stacking="stackable", priority="2",
                       funded_by="shared", seller_share="60", status="scheduled",
                       coupon_code="D11", notes="tiers on the whole shop")
MUG_SALE = PromotionDraft(name="Mug sale", kind="percent_off", channels=("Tmall",),
                          starts="2030-11-11 10:00", ends="2030-11-11 12:00", rate="10",
                          scope="brand", scope_value="Forge", status="draft")


@pytest.fixture
def shop(tmp_shop) -> PricingShop:  # type: ignore[no-untyped-def]
    return build_pricing_shop(tmp_shop)


def _names(shop: PricingShop) -> list[str]:
    with shop.db.uow() as uow:
        return list(uow.session.scalars(select(Promotion.name).order_by(Promotion.id)))


def test_a_saved_promotion_reads_back_as_the_draft_that_made_it(shop: PricingShop) -> None:
    for draft in (TIERS, MUG_SALE, replace(MUG_SALE, name="Gift", kind="gift", rate="",
                                           gift_sku="MUG-1", gift_quantity="2", threshold="99"),
                  replace(MUG_SALE, name="Set", kind="bundle", rate="", scope="all",
                          scope_value="", items="TEE-S:1, MUG-1:2", amount="99.5"),
                  replace(MUG_SALE, name="2nd half", kind="multi_buy", every="2", rate="50",
                          daily_from="20:00", daily_to="02:00")):
        promotion_id = save_promotion(shop.db.uow(), draft).ids[0]
        assert draft_of(get_promotion(shop.db.uow(), promotion_id)) == replace(
            draft, time_zone="Asia/Shanghai"), draft.name


def test_saving_says_it_changed_the_promotions(shop: PricingShop) -> None:
    assert save_promotion(shop.db.uow(), TIERS).areas == {ChangeArea.PROMOTIONS}
    assert set_promotion_status(shop.db.uow(), 1, Status.DRAFT).areas == {ChangeArea.PROMOTIONS}


def test_a_scheduled_promotion_is_editable_until_it_starts(shop: PricingShop) -> None:
    promotion_id = save_promotion(shop.db.uow(), TIERS).ids[0]
    save_promotion(shop.db.uow(), replace(TIERS, tiers="200:20"), promotion_id, now=BEFORE)
    assert get_promotion(shop.db.uow(), promotion_id).terms.tiers[0].off == 20


@pytest.mark.parametrize(("now", "status", "reason"), [
    (DURING, "scheduled", "is running"), (AFTER, "scheduled", "has ended"),
    (BEFORE, "cancelled", "is cancelled")])
def test_a_running_ended_or_cancelled_promotion_is_refused_with_its_reason_and_kept(
        shop: PricingShop, now: datetime, status: str, reason: str) -> None:
    promotion_id = save_promotion(shop.db.uow(), replace(TIERS, status=status)).ids[0]
    with pytest.raises(ValidationError) as refused:
        save_promotion(shop.db.uow(), replace(TIERS, name="Renamed"), promotion_id, now=now)
    assert reason in str(refused.value.problems[0])
    assert _names(shop) == ["双11 满减"]
    assert edit_refusal(get_promotion(shop.db.uow(), promotion_id), now) is not None


def test_a_draft_is_editable_whatever_the_clock(shop: PricingShop) -> None:
    promotion_id = save_promotion(shop.db.uow(), MUG_SALE).ids[0]
    assert edit_refusal(get_promotion(shop.db.uow(), promotion_id), AFTER) is None
    save_promotion(shop.db.uow(), replace(MUG_SALE, rate="15"), promotion_id, now=AFTER)


def test_the_checks_of_a_draft_name_only_it_and_write_nothing(shop: PricingShop) -> None:
    save_promotion(shop.db.uow(), TIERS)
    findings = check_before_saving(shop.db.uow(), replace(MUG_SALE, rate="60"), now=BEFORE)
    assert {f.check for f in findings} == {Check.OVERLAP, Check.BELOW_COST}
    assert all(f.skus == ("MUG-1",) for f in findings)
    assert _names(shop) == ["双11 满减"]  # rolled back


def test_the_checks_of_an_edit_see_the_edit_not_the_stored_promotion(shop: PricingShop) -> None:
    save_promotion(shop.db.uow(), TIERS)
    promotion_id = save_promotion(shop.db.uow(), MUG_SALE).ids[0]
    moved = replace(MUG_SALE, starts="2030-11-12 10:00", ends="2030-11-12 12:00")
    assert check_before_saving(shop.db.uow(), moved, promotion_id, now=BEFORE) == []
    assert get_promotion(shop.db.uow(), promotion_id).starts_at.day == 11  # unchanged


def test_the_checks_of_a_bad_draft_are_refused_with_every_problem(shop: PricingShop) -> None:
    with pytest.raises(ValidationError) as refused:
        check_before_saving(shop.db.uow(), replace(MUG_SALE, name="", rate="abc"))
    assert {p.field for p in refused.value.problems} == {"Name", "Percent off"}
    with shop.db.uow() as uow:
        assert uow.session.scalar(select(func.count(Promotion.id))) == 0


def test_a_forms_problems_are_listed_without_a_write(shop: PricingShop) -> None:
    problems = promotion_problems(shop.db.uow(), replace(TIERS, tiers="200:, 300:50",
                                                         channels=()))
    assert {p.field for p in problems} == {"Tiers", "Channels"}
    assert promotion_problems(shop.db.uow(), TIERS) == []
