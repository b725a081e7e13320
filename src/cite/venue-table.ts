/**
 * The venue table's rows: conferences, workshops and journals of this field, and arXiv itself, each with
 * its short form as entries write it and its full form as references print it. Read through venues.ts.
 */
export type VenueKind = 'conference' | 'workshop' | 'journal' | 'preprint';

export interface Venue {
  /** The name as entries write it, before the year: `CVPR`, `ACM MM`, `Intelligent Computing`. */
  short: string;
  /** The full name for booktitle, journal and container-title. */
  full: string;
  kind: VenueKind;
  /**
   * Phrases of the long names that records (Google Scholar, DBLP, ACL Anthology, the CVF, IEEE) give,
   * folded to lower-case words; a long name containing one is this venue. Empty: only the short name.
   */
  phrases: readonly string[];
  /** Whether "Findings of NAME YEAR" exists (ACL's conferences). */
  findings?: boolean;
  /** Other spellings of the short name people write (NIPS, T-PAMI). */
  aliases?: readonly string[];
  /** Matched only when the whole long name is this (Nature, Science): too short to search for. */
  exact?: boolean;
}

const IEEE_CVF = 'Proceedings of the IEEE/CVF';

/** Conferences, workshops and journals of this field, and arXiv itself. */
export const VENUES: readonly Venue[] = [
  { short: 'NeurIPS', full: 'Advances in Neural Information Processing Systems (NeurIPS)', kind: 'conference', phrases: ['neural information processing systems'], aliases: ['NIPS'] },
  { short: 'ICML', full: 'Proceedings of the International Conference on Machine Learning (ICML)', kind: 'conference', phrases: ['international conference on machine learning'] },
  { short: 'ICLR', full: 'International Conference on Learning Representations (ICLR)', kind: 'conference', phrases: ['international conference on learning representations'] },
  { short: 'CVPR', full: `${IEEE_CVF} Conference on Computer Vision and Pattern Recognition (CVPR)`, kind: 'conference', phrases: ['conference on computer vision and pattern recognition'] },
  { short: 'ICCV', full: `${IEEE_CVF} International Conference on Computer Vision (ICCV)`, kind: 'conference', phrases: ['international conference on computer vision'] },
  { short: 'ECCV', full: 'Proceedings of the European Conference on Computer Vision (ECCV)', kind: 'conference', phrases: ['european conference on computer vision'] },
  { short: 'WACV', full: `${IEEE_CVF} Winter Conference on Applications of Computer Vision (WACV)`, kind: 'conference', phrases: ['winter conference on applications of computer vision'] },
  { short: 'BMVC', full: 'Proceedings of the British Machine Vision Conference (BMVC)', kind: 'conference', phrases: ['british machine vision conference'] },
  { short: 'ACL', full: 'Proceedings of the Annual Meeting of the Association for Computational Linguistics (ACL)', kind: 'conference', phrases: ['annual meeting of the association for computational linguistics'], findings: true },
  { short: 'EMNLP', full: 'Proceedings of the Conference on Empirical Methods in Natural Language Processing (EMNLP)', kind: 'conference', phrases: ['empirical methods in natural language processing'], findings: true },
  { short: 'NAACL', full: 'Proceedings of the Conference of the North American Chapter of the Association for Computational Linguistics (NAACL)', kind: 'conference', phrases: ['north american chapter of the association for computational linguistics'], findings: true },
  { short: 'EACL', full: 'Proceedings of the Conference of the European Chapter of the Association for Computational Linguistics (EACL)', kind: 'conference', phrases: ['european chapter of the association for computational linguistics'], findings: true },
  { short: 'COLING', full: 'Proceedings of the International Conference on Computational Linguistics (COLING)', kind: 'conference', phrases: ['international conference on computational linguistics'] },
  { short: 'AAAI', full: 'Proceedings of the AAAI Conference on Artificial Intelligence (AAAI)', kind: 'conference', phrases: ['aaai conference on artificial intelligence'] },
  { short: 'IJCAI', full: 'Proceedings of the International Joint Conference on Artificial Intelligence (IJCAI)', kind: 'conference', phrases: ['international joint conference on artificial intelligence'] },
  { short: 'KDD', full: 'Proceedings of the ACM SIGKDD Conference on Knowledge Discovery and Data Mining (KDD)', kind: 'conference', phrases: ['knowledge discovery and data mining'] },
  { short: 'ACM MM', full: 'Proceedings of the ACM International Conference on Multimedia (ACM MM)', kind: 'conference', phrases: ['acm international conference on multimedia'], aliases: ['ACMMM', 'ACM Multimedia', 'MM'] },
  { short: 'ICASSP', full: 'IEEE International Conference on Acoustics, Speech and Signal Processing (ICASSP)', kind: 'conference', phrases: ['international conference on acoustics speech and signal processing'] },
  { short: 'Interspeech', full: 'Proceedings of Interspeech', kind: 'conference', phrases: ['interspeech'], aliases: ['INTERSPEECH'] },
  { short: 'CoRL', full: 'Proceedings of the Conference on Robot Learning (CoRL)', kind: 'conference', phrases: ['conference on robot learning'] },
  { short: 'RSS', full: 'Proceedings of Robotics: Science and Systems (RSS)', kind: 'conference', phrases: ['robotics science and systems'] },
  { short: 'ML4H', full: 'Proceedings of the Machine Learning for Health Symposium (ML4H)', kind: 'conference', phrases: ['machine learning for health'] },
  { short: 'ICRA', full: 'IEEE International Conference on Robotics and Automation (ICRA)', kind: 'conference', phrases: ['international conference on robotics and automation'] },
  { short: 'IROS', full: 'IEEE/RSJ International Conference on Intelligent Robots and Systems (IROS)', kind: 'conference', phrases: ['international conference on intelligent robots and systems'] },
  { short: 'MICCAI', full: 'Medical Image Computing and Computer Assisted Intervention (MICCAI)', kind: 'conference', phrases: ['medical image computing and computer assisted intervention'] },
  { short: 'COLM', full: 'Conference on Language Modeling (COLM)', kind: 'conference', phrases: ['conference on language modeling'] },
  { short: 'TLLM', full: 'Proceedings of the 1st Workshop on Taming Large Language Models: Controllability in the Era of Interactive Assistants', kind: 'workshop', phrases: ['workshop on taming large language models'] },
  { short: 'TMLR', full: 'Transactions on Machine Learning Research', kind: 'journal', phrases: ['transactions on machine learning research', 'trans mach learn res'] },
  { short: 'TPAMI', full: 'IEEE Transactions on Pattern Analysis and Machine Intelligence', kind: 'journal', phrases: ['transactions on pattern analysis and machine intelligence', 'trans pattern anal mach intell'], aliases: ['T-PAMI', 'PAMI'] },
  { short: 'IJCV', full: 'International Journal of Computer Vision', kind: 'journal', phrases: ['international journal of computer vision', 'int j comput vis'] },
  { short: 'JMLR', full: 'Journal of Machine Learning Research', kind: 'journal', phrases: ['journal of machine learning research', 'j mach learn res'] },
  { short: 'TIP', full: 'IEEE Transactions on Image Processing', kind: 'journal', phrases: ['transactions on image processing'] },
  { short: 'Nature', full: 'Nature', kind: 'journal', phrases: ['nature'], exact: true },
  { short: 'Nature Machine Intelligence', full: 'Nature Machine Intelligence', kind: 'journal', phrases: ['nature machine intelligence', 'nat mach intell'] },
  { short: 'Nature Communications', full: 'Nature Communications', kind: 'journal', phrases: ['nature communications', 'nat commun'] },
  { short: 'Nature Medicine', full: 'Nature Medicine', kind: 'journal', phrases: ['nature medicine'] },
  { short: 'Science', full: 'Science', kind: 'journal', phrases: ['science'], exact: true },
  { short: 'Science Robotics', full: 'Science Robotics', kind: 'journal', phrases: ['science robotics'] },
  { short: 'Intelligent Computing', full: 'Intelligent Computing', kind: 'journal', phrases: ['intelligent computing'], exact: true },
  { short: 'arXiv', full: 'arXiv preprint', kind: 'preprint', phrases: [] },
];
