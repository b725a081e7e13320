// Types of the generated validator (entry-validator.js, written by npm run gen:schema).
import type { ValidateFunction } from 'ajv';

declare const validate: ValidateFunction;
export default validate;
