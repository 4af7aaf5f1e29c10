"""The generator's shortcuts give exactly what the plain route gives.

Python-Markdown with needless searches skipped against Python-Markdown as shipped; the
flat reading of sanitized HTML against what it refuses; the run memo against a cold run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from hostile.payloads import BODY_PAYLOADS

from generator import memo
from generator.build import generate
from generator.fragment import parse_fragment
from generator.markdown_speed import markdown_renderer
from generator.render import MARKDOWN_EXTENSIONS
from generator.run_cache import RunCache
from generator.sanitize import sanitize

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [
    "Plain prose, with nothing to find.",
    "`code` and \\*escaped\\* and [a link](https://example.org) and ![an image](x.png)",
    "<https://example.org> <me@example.org> <b>bold</b> &amp; &copy; &#65;",
    "**strong** *em* __strong__ _em_ ***both*** line  \nbreak\ttab  \n",
    "> a quote\n\n# Heading #\n\n---\n\n[ref]: https://example.org\n\n[ref]",
    'Term\n: definition\n\n!!! note "Title"\n    Inside.\n\n| a | b |\n|---|---|\n| c | d |',
    "```\nfenced <code>\n```\n\n    indented\n\n1. one\n2. two\n\n- a\n- b",
]


@pytest.mark.parametrize("text", SAMPLES + [p.text for p in BODY_PAYLOADS])
def test_tuned_markdown_renders_as_python_markdown(text: str) -> None:
    plain = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))
    assert markdown_renderer(MARKDOWN_EXTENSIONS).convert(text) == plain.convert(text)


def test_sample_bodies_render_as_python_markdown() -> None:
    tuned = markdown_renderer(MARKDOWN_EXTENSIONS)
    plain = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))
    for path in sorted((ROOT / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        assert tuned.reset().convert(text) == plain.reset().convert(text), path


@pytest.mark.parametrize("text", SAMPLES + [p.text for p in BODY_PAYLOADS])
def test_fragments_write_back_as_beautifulsoup_did(text: str) -> None:
    clean = sanitize(markdown.markdown(text, extensions=list(MARKDOWN_EXTENSIONS)))
    fragment = parse_fragment(clean)
    pieces = "".join(p if isinstance(p, str) else p.html for p in fragment.pieces)
    assert sanitize(pieces) == sanitize(str(BeautifulSoup(clean, "html.parser")))


@pytest.mark.parametrize(
    "markup", ["<p>open", "</p>", "<p>a</div>", "a < b", "<p title='x'>a</p>", "<p title=x>"]
)
def test_markup_not_shaped_like_the_sanitizers_is_refused(markup: str) -> None:
    with pytest.raises(ValueError):
        parse_fragment(markup)


def test_fragment_text_nodes_keep_their_surroundings() -> None:
    fragment = parse_fragment("<p>a <code>b</code></p>\n<pre>  </pre>\n<h2>c &amp; d</h2>")
    texts = fragment.texts()
    assert [t.text for t in texts] == ["a ", "b", "\n", "  ", "\n", "c & d"]
    assert "code" in texts[1].names and "pre" in texts[3].names
    assert fragment.text_of(fragment.top[-1]) == "c & d"


def test_run_memo_reuses_only_equal_inputs() -> None:
    made = []
    kept = memo.RunMemo()

    def make(*inputs):
        made.append(inputs)
        return len(made)

    assert kept.get("a", (1,), make) == 1
    kept.next_run()
    assert kept.get("a", (1,), make) == 1
    kept.next_run()
    assert kept.get("a", (2,), make) == 2
    kept.clear()
    assert kept.get("a", (2,), make) == 3


def test_a_warm_rebuild_after_edits_equals_a_cold_build(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    cache = RunCache()  # what `explainer serve` keeps between rebuilds
    generate(content, cache=cache)
    article = sorted((content / "articles").glob("*.md"))[0]
    entity = sorted((content / "actors").glob("*.md"))[0]
    article.write_text(
        article.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Edited ", 1), "utf-8"
    )
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\nA new closing paragraph.\n")
    entity.write_text(
        entity.read_text(encoding="utf-8").replace("\nsummary: ", "\nsummary: Edited ", 1),
        "utf-8",
    )
    warm = {page.path: page.text for page in generate(content, cache=cache).pages}
    cold = {page.path: page.text for page in generate(content).pages}
    assert warm == cold
