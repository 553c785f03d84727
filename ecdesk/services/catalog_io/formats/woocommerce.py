"""WooCommerce's product CSV, from an English or a localized admin (Russian, German, French,
Spanish... header names).

Simple and external products are one product with one SKU; a variable product collects the
variation rows whose Parent is `id:<its ID>` or its SKU; grouped products have no SKU and are
skipped with a warning. A sale price becomes the price and the regular price the compare-at
price. WooCommerce writes newlines inside cells as a literal `\\n` and commas inside list items
as `\\,`: both are read back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.services.catalog_io.dto import ParsedProduct, ParsedVariant
from ecdesk.services.catalog_io.formats.common import ProductRowReader, first_token, generated_sku
from ecdesk.services.tabular_io.columns import Columns, normalize
from ecdesk.services.tabular_io.values import split_list

NAME = "woocommerce"
LABEL = "WooCommerce product CSV"
ALIASES: dict[str, tuple[str, ...]] = {
    "item_id": ("id",),
    "kind": ("type", "тип", "typ", "tipo"),
    "sku": ("sku", "артикул", "artikelnummer", "ugs", "код товара"),
    "title": ("name", "имя", "название", "nom", "nombre", "nome"),
    "published": ("published", "опубликован", "veröffentlicht", "publié", "publicado"),
    "short_description": ("short description", "краткое описание", "kurzbeschreibung",
                          "description courte", "descripción corta", "descrição curta"),
    "description": ("description", "описание", "beschreibung", "descripción", "descrição"),
    "quantity": ("stock", "запасы", "lager", "bestand", "inventario", "estoque"),
    "sale_price": ("sale price", "акционная цена", "angebotspreis", "tarif promo",
                   "precio rebajado", "preço promocional"),
    "price": ("regular price", "базовая цена", "regulärer preis", "tarif régulier",
              "precio normal", "preço normal"),
    "category": ("categories", "категории", "kategorien", "catégories", "categorías",
                 "categorias"),
    "tags": ("tags", "метки", "schlagwörter", "étiquettes", "etiquetas"),
    "parent": ("parent", "родительский", "übergeordnetes produkt", "superior", "pai"),
    "barcode": ("gtin, upc, ean, or isbn", "gtin, upc, ean или isbn", "ean", "barcode"),
    "brand": ("brands", "бренды", "marken", "marques", "marcas"),
}
_WEIGHT = re.compile(r"(weight|вес|gewicht|poids|peso)\s*\((\w+)\)")
SIGNATURE = (
    ("type", "тип", "typ", "tipo"),
    ("parent", "родительский", "übergeordnetes produkt", "superior", "pai"),
    ("regular price", "базовая цена", "regulärer preis", "tarif régulier", "precio normal",
     "preço normal"),
    ("published", "опубликован", "veröffentlicht", "publié", "publicado"),
    ("visibility in catalog", "видимость в каталоге", "sichtbarkeit im katalog",
     "visibilité dans le catalogue", "visibilidad en el catálogo"),
    ("tax status", "статус налога", "steuerstatus", "état de la tva", "estado del impuesto"),
)
REQUIRED = ("title", "kind")
_ATTRIBUTE = ("attribut", "атрибут", "atribut")
_NAME_WORDS = ("name", "название", "nom", "nombre", "nome")
_VALUE_WORDS = ("value", "значени", "wert", "valeur", "valor")


def extra_columns(header: list[str]) -> dict[str, int]:
    """Weight with its unit in the header, and attribute N name / value(s) columns (N <= 3)."""
    found: dict[str, int] = {}
    for i, name in enumerate(header):
        text = normalize(name)
        weight = _WEIGHT.fullmatch(text)
        if weight and "weight" not in found:
            found["weight"] = i
            continue
        number = re.search(r"\b([1-3])\b", text)
        if not number or not any(word in text for word in _ATTRIBUTE):
            continue
        if any(word in text for word in _NAME_WORDS):
            found.setdefault(f"option{number.group(1)}_name", i)
        elif any(word in text for word in _VALUE_WORDS):
            found.setdefault(f"option{number.group(1)}_value", i)
    return found


def weight_unit(columns: Columns) -> str:
    match = _WEIGHT.fullmatch(normalize(columns.name("weight")))
    return match.group(2) if match else "kg"


@dataclass
class _Product:
    row: int
    key: str
    title: str
    fields: dict
    variable: bool
    variants: list[ParsedVariant] = field(default_factory=list)
    option_names: tuple[str, str, str] = ("", "", "")
    rows: list[int] = field(default_factory=list)


def build(rows: Iterable[tuple[int, list[str]]], columns: Columns, problems: list[Problem]
          ) -> list[ParsedProduct]:
    read = ProductRowReader(columns, problems)
    unit = weight_unit(columns)
    products: dict[str, _Product] = {}
    parent_by_sku: dict[str, str] = {}
    variations: list[tuple[str, int, ParsedVariant, tuple[str, str, str]]] = []
    for row, cells in rows:
        read.at(row, cells)
        kind = first_token(read.raw("kind")) or "simple"
        item_id = read.code("item_id")
        key = f"id:{item_id}" if item_id else f"row:{row}"
        if kind == "variation":
            parent = read.code("parent")
            if not parent:
                read.problem("parent", _("is empty: the variation has no parent product"))
                continue
            variant = _variant(read, item_id, unit)
            if variant is not None:
                names = (read.text("option1_name"), read.text("option2_name"),
                         read.text("option3_name"))
                variations.append((parent, row, variant, names))
            continue
        if kind == "grouped":
            read.problem("kind", _("grouped products have no SKU of their own and are skipped"),
                         "warning")
            continue
        if kind not in ("simple", "variable", "external"):
            read.problem("kind", _("'{kind}' is not a WooCommerce product type").format(kind=kind))
            continue
        product = _Product(row, key, read.text("title"), _product_fields(read), kind == "variable")
        product.rows.append(row)
        if not product.title:
            read.problem("title", _("is required"))
        if kind != "variable":
            variant = _variant(read, item_id, unit)
            if variant is not None:
                product.variants.append(variant)
                # a simple product's attribute (Color: Red) keeps its name with its value
                product.option_names = tuple(  # type: ignore[assignment]
                    read.text(f"option{i}_name") if value else ""
                    for i, value in enumerate((variant.option1, variant.option2,
                                               variant.option3), start=1))
        elif read.code("sku"):
            parent_by_sku[read.code("sku").lower()] = key
        products[key] = product
    for parent, row, variant, names in variations:
        key = parent if parent.startswith("id:") else parent_by_sku.get(parent.lower(), "")
        product = products.get(key)
        if product is None or not product.variable:
            problems.append(
                Problem(
                    columns.name("parent"),
                    _("'{parent}' is not a variable product in this file").format(parent=parent),
                    row,
                )
            )
            continue
        if not product.variants:
            product.option_names = names
        product.variants.append(variant)
        product.rows.append(row)
    result = []
    for product in products.values():
        if product.variable and not product.variants:
            problems.append(
                Problem(
                    columns.name("kind"),
                    _("variable product '{title}' has no variation rows").format(
                        title=product.title
                    ),
                    product.row,
                )
            )
        result.append(ParsedProduct(
            row=product.row, key=product.key, title=product.title,
            option_names=product.option_names, variants=tuple(product.variants),
            rows=tuple(product.rows), **product.fields))
    return result


def _multiline(value: str | None) -> str | None:
    if value is None:
        return None
    return value.replace("\\n", "\n").replace("\r\n", "\n")


def _product_fields(read: ProductRowReader) -> dict:
    description = _multiline(read.html("description"))
    if not description and read.columns.has("short_description"):
        description = _multiline(read.html("short_description"))
    categories = split_list(read.raw("category")) if read.columns.has("category") else None
    published = read.code("published")
    status = None
    if read.columns.has("published") and published:
        status = {"1": "active", "0": "draft", "-1": "draft"}.get(published)
        if status is None:
            read.problem(
                "published", _("'{published}' is not 1, 0 or -1").format(published=published)
            )
    return {
        "description": description,
        "brand": split_list(read.raw("brand"))[0] if split_list(read.raw("brand")) else
        (None if not read.columns.has("brand") else ""),
        "category": (categories[0] if categories else "") if categories is not None else None,
        "tags": split_list(read.raw("tags")) if read.columns.has("tags") else None,
        "status": status,
    }


def _variant(read: ProductRowReader, item_id: str, unit: str) -> ParsedVariant | None:
    sku, generated = read.sku("sku", lambda: generated_sku("WC", item_id) if item_id else "")
    regular = read.amount("price")
    sale = read.amount("sale_price")
    if regular is None and sale is None and not read.raw("price").strip():
        read.problem("price", _("is required"))
    price, compare = (sale, regular) if sale is not None else (regular, None)
    variant = ParsedVariant(
        row=read.row, sku=sku, sku_generated=generated,
        option1=read.text("option1_value"), option2=read.text("option2_value"),
        option3=read.text("option3_value"), barcode=read.barcode(),
        weight_grams=read.grams("weight", unit), price=price, compare_at_price=compare,
        quantity=read.quantity("quantity"), item_id=item_id,
    )
    return variant if sku else None
