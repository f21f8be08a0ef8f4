// Test module that fails while loading: the shim reports it through /init/error.
'use strict';

throw new TypeError('configuration is missing');
