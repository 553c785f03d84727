"""The category tree, addressed by paths such as "Clothing > T-shirts"."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.models import Category

SEPARATOR = " > "


def split_path(path: str) -> list[str]:
    return [part.strip() for part in path.replace("/", ">").split(">") if part.strip()]


def category_paths(session: Session) -> dict[int, str]:
    """Every category's full path, by id (a shop has hundreds, not millions, of them)."""
    return dict(session.execute(select(Category.id, Category.path)).tuples().all())


def ensure_category(session: Session, path: str) -> int | None:
    """The id of the category at `path`, creating the missing levels; None for an empty path."""
    parent_id: int | None = None
    walked: list[str] = []
    for name in split_path(path):
        walked.append(name)
        found = session.scalar(select(Category.id).where(
            Category.name == name,
            Category.parent_id.is_(None) if parent_id is None else Category.parent_id == parent_id,
        ))
        if found is None:
            category = Category(name=name, parent_id=parent_id, path=SEPARATOR.join(walked))
            session.add(category)
            session.flush()
            found = category.id
        parent_id = found
    return parent_id


def descendant_ids(category_id: int):
    """A select of the category and all its sub-categories, for `IN` filters."""
    tree = select(Category.id).where(Category.id == category_id).cte("tree", recursive=True)
    tree = tree.union_all(select(Category.id).join(tree, Category.parent_id == tree.c.id))
    return select(tree.c.id)
