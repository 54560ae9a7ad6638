import exp from '@stdlib/math-base-special-exp';
import log from '@stdlib/math-base-special-ln';
import pow from '@stdlib/math-base-special-pow';
import sin from '@stdlib/math-base-special-sin';
import cos from '@stdlib/math-base-special-cos';
import asin from '@stdlib/math-base-special-asin';

/**
 * Transcendental functions for the core, in plain JavaScript arithmetic (stdlib's fdlibm ports).
 * `Math.exp`, `Math.log`, `Math.pow`, `Math.sin`, … are not specified to the last bit, and V8
 * versions differ (Node 20 and Chromium disagree in about one result in ten by one ulp), so a
 * core that used them would give different bytes in the browser and in Node. +, −, ×, ÷ and
 * `Math.sqrt` are exactly rounded everywhere; these functions are built from them only.
 * Keep `Math.exp`, `Math.log`, `Math.pow`, trigonometry and `**` out of the core: import them from here.
 */
export { exp, log, pow, sin, cos, asin };
