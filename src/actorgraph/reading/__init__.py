"""Reading articles: text, Markdown, HTML and JSON Lines, from files or folders."""

from actorgraph.reading.articles import (
    ARTICLE_SUFFIXES,
    ArticleExtractionError,
    ArticleReadError,
    clean_article,
    read_articles,
    read_file,
)

__all__ = [
    "ARTICLE_SUFFIXES",
    "ArticleExtractionError",
    "ArticleReadError",
    "clean_article",
    "read_articles",
    "read_file",
]
