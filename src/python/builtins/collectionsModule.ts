import type { PyDict } from '../objects/containers';
import { makeCounterType } from './counter';
import { makeDefaultdictType } from './defaultdict';
import { makeDequeTypes } from './deque';
import type { LibraryModule } from './library';
import { makeNamedtuple } from './namedtuple';
import { makeOrderedDictType } from './orderedDict';

/**
 * The collections module: deque, defaultdict and OrderedDict (C types of _collections
 * and odictobject.c), Counter (a Python class) and namedtuple (a class factory).
 * ChainMap, UserDict, UserList, UserString and collections.abc are not simulated.
 */
export const collectionsModule: LibraryModule = {
  install(rt, module, put) {
    const globals = module.get('__dict__') as PyDict;
    const p = rt.vm.p;
    p.run(() => {
      put('deque', makeDequeTypes(rt, 'collections').deque);
      put('defaultdict', makeDefaultdictType(rt, 'collections'));
      put('OrderedDict', makeOrderedDictType(rt, 'collections'));
      put('Counter', makeCounterType(rt, 'collections', globals));
      const { tuplegetter, namedtuple } = makeNamedtuple(rt, 'collections', globals);
      put('namedtuple', namedtuple);
      put('_tuplegetter', tuplegetter);
    });
  },
  unsimulated: () => [
    'ChainMap', 'UserDict', 'UserList', 'UserString', 'abc', '_Link', '_OrderedDictItemsView', '_OrderedDictKeysView', '_OrderedDictValuesView',
    '__all__', '__builtins__', '__cached__', '__doc__', '__file__', '__loader__', '__package__', '__path__', '__spec__',
    '_chain', '_collections_abc', '_count_elements', '_deque_iterator', '_eq', '_iskeyword', '_itemgetter', '_proxy', '_recursive_repr', '_repeat', '_starmap', '_sys',
  ],
};
