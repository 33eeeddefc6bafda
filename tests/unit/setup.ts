// Gives every Node test a real IndexedDB implementation (fake-indexeddb) so Dexie runs unchanged.
import 'fake-indexeddb/auto';
