/**
 * The taxonomy: the survey's four groups and our sub-groups, defined once.
 * It drives the schema (scripts/gen-schema.ts), the help text and the exports.
 * Source: Song et al., "How to Bridge the Gap between Modalities", arXiv 2311.07594.
 */
import { withSuggestion } from './suggest.js';
import { quoteInput } from './text.js';
export const CATEGORIES = [
    {
        id: 'converter',
        nameV1: 'Multimodal Converters',
        name: 'Multimodal Converter',
        description: 'Turns a non-text input into something the LLM already reads: embeddings projected into its input space, or discrete tokens added to its vocabulary. The LLM\'s own layers are left as they are.',
        subcategories: [
            { id: 'projection', description: 'A linear layer or MLP maps encoder features into the LLM\'s embedding space.' },
            { id: 'embedding-lm', description: 'Perception embeddings fed to a decoder language model trained together with them.' },
            { id: 'discrete-tokens', description: 'The modality becomes discrete tokens in the LLM\'s vocabulary.' },
        ],
    },
    {
        id: 'perceiver',
        nameV1: 'Multimodal Perceivers',
        name: 'Multimodal Perceiver',
        description: 'Adds a trainable perception module between the encoders and the LLM, or inside the LLM, that selects and absorbs the relevant non-text features: query-based resamplers, adapters, cross-attention, expert layers.',
        subcategories: [
            { id: 'query-resampler', description: 'Learnable queries distil encoder features: Q-Former, Perceiver Resampler, visual abstractor.' },
            { id: 'adapter', description: 'Adaption prompts, gated attention or bind networks attached to the LLM.' },
            { id: 'in-llm-expert', description: 'Modality-specific weights inside the LLM\'s own layers.' },
        ],
    },
    {
        id: 'tool',
        nameV1: 'Tools Assistance',
        name: 'Tool Learning',
        description: 'Keeps the LLM as it is and lets it call external models or programs (captioners, detectors, OCR, speech models, code interpreters) that turn the other modality into a common format, usually text.',
        subcategories: [
            { id: 'controller', description: 'The LLM plans and dispatches expert models through prompts.' },
            { id: 'program', description: 'The LLM writes a program that composes vision or other modules.' },
            { id: 'tool-tuning', description: 'Instruction data teaches a model when and how to call tools.' },
        ],
    },
    {
        id: 'data-driven',
        nameV1: 'Data-Driven methods',
        name: 'Data-Driven Method',
        description: 'Teaches the LLM a kind of data, a domain or a task mainly through purpose-built multimodal data sets and training on them, rather than through a new connector.',
        subcategories: [
            { id: 'domain-data', description: 'A domain\'s data set, e.g. biomedical or remote sensing.' },
            { id: 'task-data', description: 'Data for a task or data type: grounding, regions, detection, text-rich documents, 3D, video.' },
        ],
    },
];
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id);
export const SUBCATEGORY_IDS = CATEGORIES.flatMap((c) => c.subcategories.map((s) => s.id));
/** The modalities an entry may name, with what each means. */
export const MODALITIES = {
    text: 'natural-language text',
    image: 'still images',
    video: 'video clips or frames over time',
    audio: 'general sound and audio events',
    speech: 'spoken language',
    music: 'music',
    '3d': '3D scenes, objects or multi-view renders',
    'point-cloud': '3D point clouds',
    depth: 'depth maps',
    thermal: 'thermal images',
    imu: 'inertial measurement unit readings',
    sensor: 'continuous robot state or other sensor readings',
    table: 'tables',
    chart: 'charts and plots',
    document: 'text-rich documents and scanned pages',
    gui: 'screenshots of graphical user interfaces',
    motion: 'human motion sequences',
};
export const MODALITY_IDS = Object.keys(MODALITIES);
/** Find a category by id or by either of the survey's names, ignoring case. */
export function findCategory(key) {
    const k = key.trim().toLowerCase();
    return CATEGORIES.find((c) => c.id === k || c.name.toLowerCase() === k || c.nameV1.toLowerCase() === k);
}
/** Why `value` is not a category, naming the valid ones and the closest match. */
export function unknownCategoryMessage(value) {
    const names = CATEGORIES.flatMap((c) => [c.id, c.name, c.nameV1]);
    const valid = CATEGORIES.map((c) => `${c.id} (${c.name})`).join(', ');
    return withSuggestion(`unknown category ${quoteInput(value)}`, value, names, { then: `Valid categories: ${valid}` });
}
/** The category a subcategory belongs to. */
export function categoryOfSubcategory(sub) {
    return CATEGORIES.find((c) => c.subcategories.some((s) => s.id === sub));
}
