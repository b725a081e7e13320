/** The citation policy's pure parts (src/cite/): the venue table both ways, keys for new entries, arXiv ids in records. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveNewCitekey } from '../../src/cite/keys.js';
import { citeVenue, closestVenue, formatVenue, fullVenueName, parseVenue, venueFromRecord, VENUES } from '../../src/cite/venues.js';
import type { Entry } from '../../src/core/entry.js';
import { parseBibtex } from '../../src/ingest/bibtex.js';
import { findRecordArxivId } from '../../src/ingest/locators.js';
import { FIXTURES } from '../helpers.js';

const CVPR = 'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)';
const NEURIPS = 'Advances in Neural Information Processing Systems (NeurIPS)';

describe('the venue table: short forms as entries write them, full forms as references print them', () => {
  it.each([
    ['CVPR 2024', CVPR, 2024, 'inproceedings'],
    ['ICCV 2023', 'Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)', 2023, 'inproceedings'],
    ['ECCV 2024', 'Proceedings of the European Conference on Computer Vision (ECCV)', 2024, 'inproceedings'],
    ['ECCV 2024 Workshops', 'Proceedings of the European Conference on Computer Vision (ECCV) Workshops', 2024, 'inproceedings'],
    ['WACV 2025', 'Proceedings of the IEEE/CVF Winter Conference on Applications of Computer Vision (WACV)', 2025, 'inproceedings'],
    ['NeurIPS 2024', NEURIPS, 2024, 'inproceedings'],
    ['NeurIPS 2023 (Oral)', NEURIPS, 2023, 'inproceedings'],
    ['NeurIPS 2024 (Datasets and Benchmarks)', `${NEURIPS}, Datasets and Benchmarks Track`, 2024, 'inproceedings'],
    ['NeurIPS 2023 (Datasets and Benchmarks, Spotlight)', `${NEURIPS}, Datasets and Benchmarks Track`, 2023, 'inproceedings'],
    ['EMNLP 2023 (Demo)', 'Proceedings of the Conference on Empirical Methods in Natural Language Processing (EMNLP): System Demonstrations', 2023, 'inproceedings'],
    ['ICML 2024', 'Proceedings of the International Conference on Machine Learning (ICML)', 2024, 'inproceedings'],
    ['ICLR 2025', 'International Conference on Learning Representations (ICLR)', 2025, 'inproceedings'],
    ['ACL 2024', 'Proceedings of the Annual Meeting of the Association for Computational Linguistics (ACL)', 2024, 'inproceedings'],
    ['EMNLP 2024', 'Proceedings of the Conference on Empirical Methods in Natural Language Processing (EMNLP)', 2024, 'inproceedings'],
    ['NAACL 2025', 'Proceedings of the Conference of the North American Chapter of the Association for Computational Linguistics (NAACL)', 2025, 'inproceedings'],
    ['Findings of ACL 2024', 'Findings of the Association for Computational Linguistics: ACL 2024', 2024, 'inproceedings'],
    ['Findings of EMNLP 2023', 'Findings of the Association for Computational Linguistics: EMNLP 2023', 2023, 'inproceedings'],
    ['COLING 2025', 'Proceedings of the International Conference on Computational Linguistics (COLING)', 2025, 'inproceedings'],
    ['AAAI 2025', 'Proceedings of the AAAI Conference on Artificial Intelligence (AAAI)', 2025, 'inproceedings'],
    ['IJCAI 2024', 'Proceedings of the International Joint Conference on Artificial Intelligence (IJCAI)', 2024, 'inproceedings'],
    ['ACM MM 2024', 'Proceedings of the ACM International Conference on Multimedia (ACM MM)', 2024, 'inproceedings'],
    ['ICASSP 2024', 'IEEE International Conference on Acoustics, Speech and Signal Processing (ICASSP)', 2024, 'inproceedings'],
    ['Interspeech 2024', 'Proceedings of Interspeech', 2024, 'inproceedings'],
    ['CoRL 2024', 'Proceedings of the Conference on Robot Learning (CoRL)', 2024, 'inproceedings'],
    ['RSS 2024', 'Proceedings of Robotics: Science and Systems (RSS)', 2024, 'inproceedings'],
    ['ICRA 2025', 'IEEE International Conference on Robotics and Automation (ICRA)', 2025, 'inproceedings'],
    ['COLM 2024', 'Conference on Language Modeling (COLM)', 2024, 'inproceedings'],
    ['CVPR 2025 Workshops (Highlight)', `${CVPR} Workshops`, 2025, 'inproceedings'],
    ['TMLR 2025', 'Transactions on Machine Learning Research', 2025, 'article'],
    ['TPAMI 2025', 'IEEE Transactions on Pattern Analysis and Machine Intelligence', 2025, 'article'],
    ['IJCV 2025', 'International Journal of Computer Vision', 2025, 'article'],
    ['JMLR 2024', 'Journal of Machine Learning Research', 2024, 'article'],
    ['Intelligent Computing 2024', 'Intelligent Computing', 2024, 'article'],
    ['Nature Machine Intelligence 2024', 'Nature Machine Intelligence', 2024, 'article'],
    ['Science Robotics 2024', 'Science Robotics', 2024, 'article'],
    // Forms the shipped catalogue writes today.
    ['NeurIPS 2023 Datasets and Benchmarks Track (Spotlight)', `${NEURIPS}, Datasets and Benchmarks Track`, 2023, 'inproceedings'],
    ['Intelligent Computing (journal), 2024', 'Intelligent Computing', 2024, 'article'],
    ["ICLR 2024 (as 'LLaMA-Adapter: Efficient Fine-tuning (v2)')", 'International Conference on Learning Representations (ICLR)', 2024, 'inproceedings'],
    ['TLLM 2023 workshop (ACL Anthology 2023.tllm-1.2)', VENUES.find((v) => v.short === 'TLLM')!.full, 2023, 'inproceedings'],
  ])('%s: %s, year %i, @%s', (venue, full, year, kind) => {
    const ref = parseVenue(venue);
    expect(ref).toBeDefined();
    expect(fullVenueName(ref!)).toBe(full);
    // The entry's year is the first public version (2022 here); the reference prints the venue's.
    expect(citeVenue({ venue, year: 2022, arxiv: '2201.00001' })).toEqual({ kind, container: full, year, preprint: false });
  });

  it.each([
    ['NeurIPS 2023 (Oral)', 'NeurIPS 2023 (Oral)'],
    ['NeurIPS 2023 Datasets and Benchmarks Track (Spotlight)', 'NeurIPS 2023 (Datasets and Benchmarks, Spotlight)'],
    ['Intelligent Computing (journal), 2024', 'Intelligent Computing 2024'],
    ['EMNLP 2023 (System Demonstrations)', 'EMNLP 2023 (Demo)'],
    ['ECCV 2024 Workshop', 'ECCV 2024 Workshops'],
  ])('formatVenue(parseVenue(%j)) = %j', (venue, want) => expect(formatVenue(parseVenue(venue)!)).toBe(want));

  it.each(['Neurips 2023', 'CPVR 2024', 'Findings of CVPR 2024', 'TMLR 2025 Workshops', 'A Gathering of Friends', 'ICLR 2024 (as X', 'Foo 2024 (Oral)'])(
    '%j is not a venue of the table',
    (venue) => expect(parseVenue(venue)).toBeUndefined(),
  );

  it.each([
    ['Neurips 2023', 'NeurIPS 2023'],
    ['NeurlPS 2023 (Oral)', 'NeurIPS 2023'],
    ['CPVR 2024', 'CVPR 2024'],
    ['Findings of EMNPL 2023', 'Findings of EMNLP 2023'],
    ['ECCV 2024 workshop on X', 'ECCV 2024 Workshops'],
    ['IEEE Transactions on Pattern Analysis and Machine Intelligence', 'TPAMI'],
    ['Tests 2024', undefined],
    ['A Gathering of Friends', undefined],
  ])('closestVenue(%j) = %j', (venue, want) => expect(closestVenue(venue)).toBe(want));

  it.each([
    ['Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition', 2024, 'CVPR 2024'],
    ['Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) Workshops', 2024, 'CVPR 2024 Workshops'],
    ['2024 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)', 2024, 'CVPR 2024'],
    ['{IEEE/CVF} Conference on Computer Vision and Pattern Recognition, {CVPR} 2024 - Workshops, Seattle, WA, USA, June 17-18, 2024', 2024, 'CVPR 2024 Workshops'],
    ['Proceedings of the IEEE/CVF International Conference on Computer Vision', 2023, 'ICCV 2023'],
    ['European Conference on Computer Vision', 2024, 'ECCV 2024'],
    ['Advances in Neural Information Processing Systems', 2023, 'NeurIPS 2023'],
    ['Thirty-seventh Conference on Neural Information Processing Systems Datasets and Benchmarks Track', 2023, 'NeurIPS 2023 (Datasets and Benchmarks)'],
    ['The Twelfth International Conference on Learning Representations', 2024, 'ICLR 2024'],
    ['Forty-first International Conference on Machine Learning', 2024, 'ICML 2024'],
    ['Proceedings of the 62nd Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)', 2024, 'ACL 2024'],
    ['Findings of the Association for Computational Linguistics: EMNLP 2023', 2023, 'Findings of EMNLP 2023'],
    ['Proceedings of the 2023 Conference on Empirical Methods in Natural Language Processing: System Demonstrations', 2023, 'EMNLP 2023 (Demo)'],
    ['Proceedings of the AAAI Conference on Artificial Intelligence', 2024, 'AAAI 2024'],
    ['Transactions on Machine Learning Research', 2025, 'TMLR 2025'],
    ['Trans. Mach. Learn. Res.', 2024, 'TMLR 2024'],
    ['{IEEE} Trans. Pattern Anal. Mach. Intell.', 2025, 'TPAMI 2025'],
    ['Nature', 2024, 'Nature 2024'],
    ['Intelligent Computing', 2024, 'Intelligent Computing 2024'],
    ['CVPR 2024', undefined, 'CVPR 2024'],
    ['arXiv preprint arXiv:2304.08485', 2023, undefined],
    ['CoRR', 2023, undefined],
    ['Proceedings of the Workshop on Tests & Fixtures', 2025, undefined],
  ])('venueFromRecord(%j, %s) = %j', (text, year, want) => expect(venueFromRecord(text, year)).toBe(want));

  it('a preprint has its first public year and no container; a venue the table lacks keeps its words and its year', () => {
    expect(citeVenue({ year: 2023, arxiv: '2301.00001' })).toEqual({ kind: 'misc', year: 2023, preprint: true });
    expect(citeVenue({ year: 2023, venue: 'arXiv', arxiv: '2301.00001' })).toEqual({ kind: 'misc', year: 2023, preprint: true });
    expect(citeVenue({ year: 2023, venue: 'Some Workshop 2024 (Oral)' })).toEqual({ kind: 'inproceedings', container: 'Some Workshop 2024', year: 2024, preprint: false });
    expect(citeVenue({ year: 2023, venue: 'A Gathering of Friends', url: 'x' } as never)).toEqual({ kind: 'misc', year: 2023, preprint: false });
  });
});

describe('the key `add` pins', () => {
  const e = (id: string, title: string, citekey?: string): Entry => ({ id, name: id, title, authors: ['Haotian Liu'], year: 2023, category: 'converter', url: 'https://x.org', ...(citekey ? { citekey } : {}) });
  it.each<[Entry[], string]>([
    [[], 'liu2023visual'],
    [[e('llava', 'Visual Instruction Tuning', 'liu2023visual')], 'liu2023visuala'],
    [[e('llava', 'Visual Instruction Tuning', 'LIU2023VISUAL')], 'liu2023visuala'],
    [[e('llava', 'Visual Instruction Tuning', 'liu2023visual'), e('b', 'Visual B', 'liu2023visuala')], 'liu2023visualb'],
    // An unpinned entry's derived key is taken too: the new entry never takes a key something exports.
    [[e('llava', 'Visual Instruction Tuning')], 'liu2023visuala'],
  ])('deriveNewCitekey(%#) = %s', (catalogue, want) => expect(deriveNewCitekey(e('new', 'Visual Things'), catalogue)).toBe(want));
});

describe('the arXiv id wherever real records put it', () => {
  it.each<[Record<string, string>, string | undefined]>([
    [{ eprint: '2304.08485', archiveprefix: 'arXiv' }, '2304.08485'],
    [{ eprint: '2304.08485' }, '2304.08485'],
    [{ eprint: 'arXiv:2304.08485v2' }, '2304.08485v2'],
    [{ eprint: '12345678', archiveprefix: 'PubMed' }, undefined],
    [{ eprint: '2304.08485', eprinttype: 'arxiv' }, '2304.08485'],
    [{ journal: 'arXiv preprint arXiv:2304.08485' }, '2304.08485'],
    [{ journal: 'CoRR', volume: 'abs/2304.08485' }, '2304.08485'],
    [{ journal: 'ArXiv', volume: 'abs/2304.08485' }, '2304.08485'],
    [{ journal: 'Nature', volume: '2304.08485' }, undefined],
    [{ publisher: 'arXiv', number: '2304.08485' }, '2304.08485'],
    [{ number: 'arXiv:2304.08485' }, '2304.08485'],
    [{ note: 'arXiv:2304.08485 [cs.CV]' }, '2304.08485'],
    [{ howpublished: '\\url{https://arxiv.org/abs/2304.08485}' }, '2304.08485'],
    [{ url: 'https://arxiv.org/pdf/2304.08485v3.pdf' }, '2304.08485v3'],
    [{ url: 'https://arxiv.org/html/2304.08485v1' }, '2304.08485v1'],
    [{ pdf: 'http://arxiv.org/pdf/2304.08485' }, '2304.08485'],
    [{ doi: '10.48550/arXiv.2304.08485' }, '2304.08485'],
    [{ url: 'https://openaccess.thecvf.com/content/CVPR2024/html/x.html' }, undefined],
  ])('findRecordArxivId(%j) = %s', (fields, want) => expect(findRecordArxivId(fields)).toBe(want));
});

describe('years from a record', () => {
  it.each([
    ['@inproceedings{k, title={T}, booktitle={Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition}, year={2024}, eprint={2312.14238}}', 2023, 'CVPR 2024'],
    ['@inproceedings{k, title={T}, booktitle={Advances in Neural Information Processing Systems}, year={2022}, eprint={2301.00001}}', 2022, 'NeurIPS 2022'],
    ['@inproceedings{k, title={T}, booktitle={Advances in Neural Information Processing Systems}, year={2022}}', 2022, 'NeurIPS 2022'],
  ])('%s: year %i (the first public version), venue %s (the venue\'s year)', (bib, year, venue) => {
    const p = parseBibtex(bib).records[0]!.partial;
    expect([p.year, p.venue]).toEqual([year, venue]);
  });
});

describe('real records from every source people copy them from (tests/fixtures/add/real)', () => {
  const REAL = path.join(FIXTURES, 'add', 'real');
  const read = (file: string) => {
    const { records, errors } = parseBibtex(readFileSync(path.join(REAL, file), 'utf8'));
    expect(errors).toEqual([]);
    return records.map((r) => {
      const p = r.partial;
      return [r.key, { title: p.title, first: p.authors?.[0], n: p.authors?.length, year: p.year, arxiv: p.arxiv, venue: p.venue, url: p.url }];
    });
  };

  it.each([
    ['google-scholar.bib', [
      ['chen2024expanding', { title: 'Expanding Performance Boundaries of Open-Source Multimodal Models with Model, Data, and Test-Time Scaling', first: 'Zhe Chen', n: 10, year: 2024, arxiv: '2412.05271', url: 'https://arxiv.org/abs/2412.05271' }],
      ['gao2024mini', { title: 'Mini-internvl: A flexible-transfer pocket multimodal model with 5% parameters and 90% performance', first: 'Zhangwei Gao', n: 10, year: 2024, arxiv: '2410.16261', url: 'https://arxiv.org/abs/2410.16261' }],
      ['chen2024far', { title: 'How Far Are We to GPT-4V? Closing the Gap to Commercial Multimodal Models with Open-Source Suites', first: 'Zhe Chen', n: 10, year: 2024, arxiv: '2404.16821', url: 'https://arxiv.org/abs/2404.16821' }],
      ['chen2024internvl', { title: 'Internvl: Scaling up vision foundation models and aligning for generic visual-linguistic tasks', first: 'Zhe Chen', n: 10, year: 2024, venue: 'CVPR 2024' }],
    ]],
    ['dblp.bib', [
      ['DBLP:conf/nips/LiuLWL23', { title: 'Koopa: Learning Non-stationary Time Series Dynamics with Koopman Predictors', first: 'Yong Liu', n: 4, year: 2023, venue: 'NeurIPS 2023', url: 'http://papers.nips.cc/paper_files/paper/2023/hash/28b3dc0970fa4624a63278a4268de997-Abstract-Conference.html' }],
    ]],
    ['acl-anthology.bib', [
      ['fang-etal-2023-improving', { title: 'Improving Grammatical Error Correction with Multimodal Feature Integration', first: 'Tao Fang', n: 6, year: 2023, venue: 'Findings of ACL 2023', url: 'https://aclanthology.org/2023.findings-acl.594' }],
      ['wang-etal-2023-self-knowledge', { title: 'Self-Knowledge Guided Retrieval Augmentation for Large Language Models', first: 'Yile Wang', n: 4, year: 2023, venue: 'Findings of EMNLP 2023', url: 'https://aclanthology.org/2023.findings-emnlp.691' }],
    ]],
    ['cvf.bib', [
      ['Liu_2024_CVPR', { title: 'Residual Denoising Diffusion Models', first: 'Jiawei Liu', n: 6, year: 2024, venue: 'CVPR 2024' }],
    ]],
    ['neurips-proceedings.bib', [
      ['NEURIPS2021_9a49a25d', { title: 'All Tokens Matter: Token Labeling for Training Better Vision Transformers', first: 'Zi-Hang Jiang', n: 8, year: 2021, venue: 'NeurIPS 2021', url: 'https://proceedings.neurips.cc/paper/2021/file/9a49a25d845a483fae4be7e341368e36-Paper.pdf' }],
      ['NEURIPS2025_dcce2899', { title: 'MUniverse: A Simulation and Benchmarking Suite for Motor Unit Decomposition', first: 'Pranav Mamidanna', n: 10, year: 2025, venue: 'NeurIPS 2025 (Datasets and Benchmarks)', url: 'https://proceedings.neurips.cc/paper_files/paper/2025/file/dcce28990bf662c6b916c52cd7e975da-Paper-Datasets_and_Benchmarks_Track.pdf' }],
    ]],
    ['semantic-scholar.bib', [
      ['Wu2020DeepTM', { title: 'Deep Transformer Models for Time Series Forecasting: The Influenza Prevalence Case', first: 'Neo Wu', n: 4, year: 2020, arxiv: '2001.08317', url: 'https://api.semanticscholar.org/CorpusID:210861210' }],
    ]],
    ['arxiv.bib', [
      ['liu2023visualinstructiontuning', { title: 'Visual Instruction Tuning', first: 'Haotian Liu', n: 4, year: 2023, arxiv: '2304.08485', url: 'https://arxiv.org/abs/2304.08485' }],
    ]],
    ['readme-internvl.bib', [
      ['chen2023internvl', { title: 'InternVL: Scaling up Vision Foundation Models and Aligning for Generic Visual-Linguistic Tasks', first: 'Zhe Chen', n: 15, year: 2023, arxiv: '2312.14238', url: 'https://arxiv.org/abs/2312.14238' }],
      ['chen2024far', { title: 'How Far Are We to GPT-4V? Closing the Gap to Commercial Multimodal Models with Open-Source Suites', first: 'Zhe Chen', n: 10, year: 2024, arxiv: '2404.16821', url: 'https://arxiv.org/abs/2404.16821' }],
    ]],
  ])('%s', (file, want) => {
    expect(read(file)).toEqual(want.map(([k, v]) => [k, { title: undefined, first: undefined, n: undefined, year: undefined, arxiv: undefined, venue: undefined, url: undefined, ...(v as object) }]));
  });

  it('the Semantic Scholar record keeps its curly apostrophe (O’Banion) and the ACL Anthology one its two-space "and"s', () => {
    const s2 = parseBibtex(readFileSync(path.join(REAL, 'semantic-scholar.bib'), 'utf8')).records[0]!.partial;
    expect(s2.authors).toEqual(['Neo Wu', 'Bradley Green', 'Xue Ben', 'Shawn O’Banion']);
    const acl = parseBibtex(readFileSync(path.join(REAL, 'acl-anthology.bib'), 'utf8')).records[0]!.partial;
    expect(acl.authors).toEqual(['Tao Fang', 'Jinpeng Hu', 'Derek F. Wong', 'Xiang Wan', 'Lidia S. Chao', 'Tsung-Hui Chang']);
    const nips = parseBibtex(readFileSync(path.join(REAL, 'neurips-proceedings.bib'), 'utf8')).records[1]!.partial;
    expect(nips.authors![8]).toBe('Robin Rohlén');
  });
});
