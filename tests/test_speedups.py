"""The generator's shortcuts give exactly what the plain route gives: the run memo against a
cold run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.content import memo
from generator.site.build import generate
from generator.site.run_cache import RunCache

ROOT = Path(__file__).resolve().parent.parent


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
