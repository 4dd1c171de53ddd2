"""Pascal VOC annotation files: one ``.xml`` per image with the image's stem.

    <annotation><filename>a.jpg</filename><size><width>500</width><height>375</height>...</size>
      <object><name>dog</name><difficult>0</difficult>
        <bndbox><xmin>48</xmin><ymin>240</ymin><xmax>195</xmax><ymax>371</ymax></bndbox></object>
    </annotation>

Coordinates are read as they stand, as pixel edges (``xmax - xmin`` is the width), the way
albumentations' ``pascal_voc`` format and most labelling tools read them (the VOC devkit counts
pixels from 1, a shift of one pixel on ``xmin``/``ymin`` this reader does not apply). They are
written back rounded to whole pixels, since many VOC readers parse them with ``int()``.
An object's ``pose``, ``truncated``, ``difficult`` and ``occluded`` are kept; other parts of an
object (``part`` boxes of the person layout, ``attributes``) are listed in `Annotations.notes`.

The XML is parsed with expat, refusing any document type declaration (no entities, so no
"billion laughs" and nothing fetched from outside).
"""

from __future__ import annotations

import os
from xml.parsers import expat
from xml.sax.saxutils import escape

import numpy as np

from augview.annotations.model import MAX_OBJECTS, Annotations, check_coordinates, read_text
from augview.errors import AnnotationError
from augview.text import tr

KEPT = ("pose", "truncated", "difficult", "occluded")
MAX_ELEMENTS = 1_000_000


class _Element:
    __slots__ = ("tag", "line", "children", "text")

    def __init__(self, tag: str, line: int):
        self.tag, self.line, self.children, self.text = tag, line, [], ""

    def find(self, tag: str) -> "_Element | None":
        return next((c for c in self.children if c.tag == tag), None)

    def value(self, tag: str) -> str | None:
        child = self.find(tag)
        return None if child is None else child.text.strip()


def _parse(text: str, path: str) -> _Element:
    parser = expat.ParserCreate()
    stack: list[_Element] = []
    root: list[_Element] = []
    count = [0]

    def start(tag, attributes):
        count[0] += 1
        if count[0] > MAX_ELEMENTS:
            raise AnnotationError(tr("{path}:{line}: more than {limit} XML elements").format(
                path=path, line=parser.CurrentLineNumber, limit=MAX_ELEMENTS))
        element = _Element(tag, parser.CurrentLineNumber)
        (stack[-1].children if stack else root).append(element)
        stack.append(element)

    def end(tag):
        stack.pop()

    def data(chunk):
        if stack and len(stack[-1].text) < 4096:
            stack[-1].text += chunk

    def refuse(*args):
        raise AnnotationError(tr("{path}:{line}: document type declarations are not allowed in annotation files").format(
            path=path, line=parser.CurrentLineNumber))

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, data
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = refuse
    try:
        parser.Parse(text, True)
    except expat.ExpatError as err:
        raise AnnotationError(tr("{path}:{line}: not valid XML ({reason})").format(
            path=path, line=err.lineno, reason=expat.ErrorString(err.code))) from None
    if not root or root[0].tag != "annotation":
        raise AnnotationError(tr("{path}: not a Pascal VOC file (the root element is not <annotation>)").format(path=path))
    return root[0]


def read_voc(path: str | os.PathLike, width: int, height: int,
             class_ids: dict[str, int] | None = None) -> Annotations:
    """The objects of a VOC file for a ``width`` x ``height`` image. ``class_ids`` maps names to
    ids and grows with new names (share one across a data set so ids agree between files)."""
    name = os.fspath(path)
    root = _parse(read_text(path), name)
    class_ids = {} if class_ids is None else class_ids
    size = root.find("size")
    if size is not None:
        stated = tuple(_number(size, key, name, allow_missing=True) for key in ("width", "height"))
        if all(v is not None and v > 0 for v in stated) and stated != (width, height):
            raise AnnotationError(tr("{path}:{line}: the file says the image is {stated}, it is {actual}").format(
                path=name, line=size.line, stated=f"{stated[0]:g}x{stated[1]:g}", actual=f"{width}x{height}"))
    objects = [child for child in root.children if child.tag == "object"]
    if len(objects) > MAX_OBJECTS:
        raise AnnotationError(tr("{path}: more than {limit} objects in one image").format(path=name, limit=MAX_OBJECTS))
    boxes, labels, extras, notes = [], [], [], []
    for obj in objects:
        label = obj.value("name")
        if not label:
            raise AnnotationError(tr("{path}:{line}: an <object> without a <name>").format(path=name, line=obj.line))
        box = obj.find("bndbox")
        if box is None:
            raise AnnotationError(tr("{path}:{line}: an <object> without a <bndbox>").format(path=name, line=obj.line))
        x0, y0, x1, y1 = (_number(box, key, name) for key in ("xmin", "ymin", "xmax", "ymax"))
        if x1 < x0 or y1 < y0:
            raise AnnotationError(tr("{path}:{line}: xmax and ymax must not be below xmin and ymin").format(
                path=name, line=box.line))
        check_coordinates((x0, y0, x1, y1), f"{name}:{box.line}")
        boxes.append((x0, y0, x1, y1))
        labels.append(class_ids.setdefault(label, len(class_ids)))
        extras.append({key: obj.value(key) for key in KEPT if obj.value(key) is not None})
        for child in obj.children:
            if child.tag not in KEPT + ("name", "bndbox"):
                notes.append(tr("{path}:{line}: <{tag}> of an object is not read").format(
                    path=name, line=child.line, tag=child.tag))
    names = {i: n for n, i in class_ids.items()}
    return Annotations(width, height, np.array(boxes, np.float64).reshape(-1, 4), labels, names, extras=extras,
                       format="voc", sources={"objects": name}, notes=notes)


def _number(parent: _Element, key: str, path: str, allow_missing: bool = False) -> float | None:
    child = parent.find(key)
    if child is None:
        if allow_missing:
            return None
        raise AnnotationError(tr("{path}:{line}: <{tag}> is missing").format(path=path, line=parent.line, tag=key))
    try:
        value = float(child.text.strip())
    except ValueError:
        value = None
    if value is None or not np.isfinite(value):
        if allow_missing:
            return None
        raise AnnotationError(tr("{path}:{line}: <{tag}> must be a number, got {value}").format(
            path=path, line=child.line, tag=key, value=repr(child.text.strip()[:40])))
    return value


def format_voc(annotations: Annotations, filename: str, depth: int = 3) -> str:
    """The VOC file of ``annotations`` for the image ``filename``; boxes rounded to whole pixels."""
    lines = ["<annotation>", f"\t<filename>{escape(filename)}</filename>",
             f"\t<size><width>{annotations.width}</width><height>{annotations.height}</height>"
             f"<depth>{depth}</depth></size>"]
    for i, box in enumerate(annotations.boxes):
        x0, y0, x1, y1 = (int(np.floor(v + 0.5)) for v in box)
        lines.append("\t<object>")
        lines.append(f"\t\t<name>{escape(annotations.label_name(i))}</name>")
        for key in KEPT:
            if key in annotations.extras[i]:
                lines.append(f"\t\t<{key}>{escape(str(annotations.extras[i][key]))}</{key}>")
        lines.append(f"\t\t<bndbox><xmin>{x0}</xmin><ymin>{y0}</ymin><xmax>{x1}</xmax><ymax>{y1}</ymax></bndbox>")
        lines.append("\t</object>")
    lines.append("</annotation>")
    return "\n".join(lines) + "\n"
