/** Colour for terminal output: the only module that loads chalk (the table and `show` use it). */
import { Chalk } from 'chalk';
/** A colouring function set, plain when colour is off. */
export function painter(color) {
    return new Chalk({ level: color ? 1 : 0 });
}
