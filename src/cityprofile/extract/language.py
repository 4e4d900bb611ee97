"""Which reader a page goes to: English, or Chinese (Simplified or Traditional); Japanese and Korean to neither."""

from __future__ import annotations

from ..contract.records import Article
from .chinese.page import article_from_chinese_page, clean_chinese_page
from .chinese.text import identify_script
from .clean import Page, article_from_page, clean_page

LANGUAGES = {"ja": "Japanese", "ko": "Korean"}


def clean_any_page(text: str) -> Page:
    """Return the cleaned page of a text scrape in English or Chinese; a Japanese or Korean page has no paragraphs."""
    script = identify_script(text)
    if script == "zh":
        return clean_chinese_page(text)
    if script:
        return Page(language=script)
    return clean_page(text)


def article_from_any_page(article_id: str, page: Page) -> Article:
    """Return the Article of a cleaned page, its sentences split as its language splits them."""
    if page.language == "zh":
        return article_from_chinese_page(article_id, page)
    return article_from_page(article_id, page)
