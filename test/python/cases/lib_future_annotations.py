# category: everyday
# what: from __future__ import annotations keeps function annotations as text and binds a __future__._Feature at run time, as CPython's import does
from __future__ import annotations
import sys
def f(x: list[int]) -> int | None:
    return x[0] if x else None
print(f([3]), f.__annotations__)
print(annotations, type(annotations), annotations.getOptionalRelease(), annotations.getMandatoryRelease())
import __future__
print(__future__.all_feature_names[-2:], __future__.CO_FUTURE_ANNOTATIONS, __future__.division.compiler_flag, __future__.annotations is annotations)
print(sys.getrefcount(annotations) > 1, 'annotations' in dir(__future__))
