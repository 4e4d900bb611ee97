"""The package's imports run one way: cli, notebook and lab -> pipeline -> (extract, report) -> contract."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import cityprofile

PACKAGE = Path(cityprofile.__file__).parent
# A module may import its own folder and the folders below it, never above or beside.
BELOW = {
    "contract": set(),
    "extract": {"contract"},
    "report": {"contract"},
    "pipeline": {"extract", "report", "contract"},
    "": {"pipeline", "extract", "report", "contract"},  # entry points: cli, notebook, lab
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every cityprofile module that ``path`` imports, at the top or inside a function."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("cityprofile.")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if not module.startswith("cityprofile"):
                continue
            # "from . import charts" names a module; "from .x import f" names a function of x.
            for alias in node.names:
                candidate = f"{module}.{alias.name}"
                found.add(candidate if _is_module(candidate) else module)
    return found - {name}


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _folder(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in BELOW) else ""


def _graph() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in PACKAGE.rglob("*.py")}


def test_every_folder_imports_only_the_folders_below_it():
    assert _find_upward(_graph()) == []


def _find_circles(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, str] = {}
    circles = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                circles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target, path + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return circles


def _find_upward(graph: dict[str, set[str]]) -> list[str]:
    return [
        f"{module} imports {target}"
        for module, targets in graph.items()
        for target in targets
        if _folder(target) != _folder(module) and _folder(target) not in BELOW[_folder(module)]
    ]


def test_no_module_imports_itself_through_others():
    assert _find_circles(_graph()) == []


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    """A guard against a walker that finds nothing: the old circle is caught."""
    fake = tmp_path / "cityprofile"
    (fake / "contract").mkdir(parents=True)
    (fake / "pipeline").mkdir()
    for folder in (fake, fake / "contract", fake / "pipeline"):
        (folder / "__init__.py").write_text("")
    (fake / "contract" / "profiles.py").write_text("def f():\n    from ..pipeline.build import extract_stage\n")
    (fake / "pipeline" / "build.py").write_text("from ..contract.profiles import f\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    graph = _graph()
    assert _find_upward(graph) == ["cityprofile.contract.profiles imports cityprofile.pipeline.build"]
    assert _find_circles(graph) == [
        "cityprofile.contract.profiles -> cityprofile.pipeline.build -> cityprofile.contract.profiles"
    ]
