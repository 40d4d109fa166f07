#!/usr/bin/env node
// Generate an N-dataset bilingual catalog in the exact style of source/datasets.md,
// for benchmarks: categories of `### ⭐… NAME - Title` datasets, each with a
// description, key facts (numbers as 1,234 in English and 1.234 in Portuguese),
// tasks, titled lists (inline or bulleted, some English-only), an access list with
// a URL link, a BibTeX citation in the English half, comparison tables in both
// halves and the shared related resources.
//
// Deterministic: the same N and seed give the same bytes. Names, ids and citation
// keys are unique, and the result parses with zero errors (the English-only lists
// give `missing-translation` warnings, as in the seed).
//
//   node bench/generate.mjs N [--seed S] [--out FILE]

import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

/** Small, fast, seedable PRNG (mulberry32), so that runs are reproducible. */
function createRandom(seed) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min, max) => min + Math.floor(next() * (max - min + 1))
  const pick = (items) => items[Math.floor(next() * items.length)]
  const sample = (items, count) => {
    const pool = [...items]
    const chosen = []
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0])
    return chosen
  }
  return {next, int, pick, sample, chance: (p) => next() < p}
}

// --- Vocabulary: every English phrase beside its Portuguese translation. ---------------

const modalities = [
  {
    emoji: '📊',
    abbr: 'CXR',
    noun: ['chest X-ray', 'raio-X de tórax'],
    en: 'Chest X-Ray',
    pt: 'Raio-X de Tórax',
    unit: ['chest radiographs', 'radiografias de tórax'],
    short: ['Chest X-ray', 'Raio-X tórax']
  },
  {
    emoji: '🧬',
    abbr: 'PATH',
    noun: ['digital pathology', 'patologia digital'],
    en: 'Cancer and Pathology',
    pt: 'Câncer e Patologia',
    unit: ['whole-slide pathology images', 'imagens de patologia de lâmina inteira'],
    short: ['Pathology', 'Patologia']
  },
  {
    emoji: '🔬',
    abbr: 'DERM',
    noun: ['dermoscopy', 'dermoscopia'],
    en: 'Dermatology and Skin Lesion',
    pt: 'Dermatologia e Lesões de Pele',
    unit: ['dermoscopic images', 'imagens dermoscópicas'],
    short: ['Dermoscopy', 'Dermoscopia']
  },
  {
    emoji: '🧠',
    abbr: 'NEURO',
    noun: ['brain MRI', 'ressonância cerebral'],
    en: 'Neuroimaging',
    pt: 'Neuroimagem',
    unit: ['brain MRI scans', 'exames de ressonância cerebral'],
    short: ['Brain MRI', 'RM cerebral']
  },
  {
    emoji: '🩻',
    abbr: 'CT',
    noun: ['computed tomography', 'tomografia computadorizada'],
    en: 'Computed Tomography',
    pt: 'Tomografia Computadorizada',
    unit: ['CT volumes', 'volumes de tomografia'],
    short: ['CT', 'TC']
  },
  {
    emoji: '👁',
    abbr: 'RET',
    noun: ['retinal imaging', 'imagem de retina'],
    en: 'Retinal Imaging',
    pt: 'Imagem de Retina',
    unit: ['fundus photographs', 'retinografias'],
    short: ['Fundus', 'Retinografia']
  },
  {
    emoji: '🫀',
    abbr: 'CARD',
    noun: ['cardiac MRI', 'ressonância cardíaca'],
    en: 'Cardiac Imaging',
    pt: 'Imagem Cardíaca',
    unit: ['cardiac MRI studies', 'estudos de RM cardíaca'],
    short: ['Cardiac MRI', 'RM cardíaca']
  },
  {
    emoji: '🦷',
    abbr: 'DENT',
    noun: ['dental radiography', 'radiografia odontológica'],
    en: 'Dental Radiography',
    pt: 'Radiografia Odontológica',
    unit: ['panoramic radiographs', 'radiografias panorâmicas'],
    short: ['Dental X-ray', 'Raio-X dental']
  },
  {
    emoji: '🎗',
    abbr: 'MAMMO',
    noun: ['mammography', 'mamografia'],
    en: 'Mammography',
    pt: 'Mamografia',
    unit: ['screening mammograms', 'mamografias de rastreamento'],
    short: ['Mammography', 'Mamografia']
  },
  {
    emoji: '📡',
    abbr: 'US',
    noun: ['ultrasound', 'ultrassom'],
    en: 'Ultrasound',
    pt: 'Ultrassom',
    unit: ['ultrasound clips', 'clipes de ultrassom'],
    short: ['Ultrasound', 'Ultrassom']
  }
]

/** Qualifiers that make more category titles than there are modalities. */
const scopes = [
  ['Large-Scale', 'em Grande Escala'],
  ['Pediatric', 'Pediátricos'],
  ['Multi-Center', 'Multicêntricos'],
  ['Longitudinal', 'Longitudinais'],
  ['Open-Access', 'de Acesso Aberto'],
  ['Challenge', 'de Desafios'],
  ['Population', 'Populacionais'],
  ['Annotated', 'Anotados']
]

const adjectives = [
  ['large', 'grande'],
  ['curated', 'curado'],
  ['multi-center', 'multicêntrico'],
  ['publicly available', 'publicamente disponível'],
  ['expert-annotated', 'anotado por especialistas'],
  ['longitudinal', 'longitudinal']
]

const titleNouns = [
  ['Benchmark', 'Benchmark', 'o'],
  ['Collection', 'Coleção', 'a'],
  ['Archive', 'Arquivo', 'o'],
  ['Challenge Dataset', 'Dataset de Desafio', 'o'],
  ['Database', 'Banco de Dados', 'o'],
  ['Cohort', 'Coorte', 'a']
]

const titleQualifiers = [
  ['Open', 'Aberto', 'Aberta'],
  ['Multi-Center', 'Multicêntrico', 'Multicêntrica'],
  ['Annotated', 'Anotado', 'Anotada'],
  ['Hospital-Scale', 'em Escala Hospitalar', 'em Escala Hospitalar'],
  ['Population-Based', 'Populacional', 'Populacional']
]

const institutions = [
  ['Stanford University', 'Universidade de Stanford'],
  ['Massachusetts Institute of Technology (MIT)', 'Instituto de Tecnologia de Massachusetts (MIT)'],
  ['National Institutes of Health (NIH)', 'Institutos Nacionais de Saúde (NIH)'],
  ['Radboud University Medical Center', 'Centro Médico da Universidade Radboud'],
  ['University of São Paulo', 'Universidade de São Paulo'],
  ['Medical University of Vienna', 'Universidade Médica de Viena'],
  ['Karolinska Institutet', 'Instituto Karolinska'],
  ['University of Queensland', 'Universidade de Queensland'],
  ['Hospital San Juan, Alicante', 'Hospital San Juan, Alicante'],
  ['Seoul National University Hospital', 'Hospital da Universidade Nacional de Seul']
]

const taskPool = [
  ['Multi-label disease classification', 'Classificação multi-rótulo de doenças'],
  ['Lesion segmentation', 'Segmentação de lesões'],
  ['Radiology report generation', 'Geração de relatórios radiológicos'],
  ['Weakly-supervised learning', 'Aprendizado fracamente supervisionado'],
  ['Survival analysis', 'Análise de sobrevivência'],
  ['Object detection and localization', 'Detecção e localização de objetos'],
  ['Domain adaptation across scanners', 'Adaptação de domínio entre equipamentos'],
  ['Self-supervised pretraining', 'Pré-treinamento auto-supervisionado'],
  ['Prognosis prediction', 'Predição de prognóstico'],
  ['Image quality assessment', 'Avaliação de qualidade de imagem'],
  ['Binary classification (normal vs. abnormal)', 'Classificação binária (normal vs. anormal)'],
  ['Label noise handling', 'Tratamento de ruído em rótulos']
]

/** Titled lists: an English label, its Portuguese label (null: English-only, as in the seed), and items. */
const listPool = [
  {
    label: ['Labels ({n} Observations)', null],
    for: ['CXR', 'CT', 'MAMMO'],
    items: [
      'No Finding',
      'Cardiomegaly',
      'Edema',
      'Consolidation',
      'Pneumonia',
      'Atelectasis',
      'Pneumothorax',
      'Pleural Effusion',
      'Fracture',
      'Support Devices',
      'Lung Opacity',
      'Nodule'
    ]
  },
  {
    label: ['Lesion Types', null],
    for: ['DERM', 'RET', 'DENT'],
    items: ['Melanoma', 'Melanocytic nevus', 'Basal cell carcinoma', 'Actinic keratosis', 'Benign keratosis', 'Dermatofibroma', 'Vascular lesion']
  },
  {
    label: ['Cancer Types Included', null],
    for: ['PATH', 'MAMMO', 'CT'],
    items: ['Breast', 'Lung', 'Prostate', 'Colorectal', 'Ovarian', 'Kidney', 'Liver', 'Thyroid', 'Melanoma']
  },
  {
    label: ['Modalities Included', 'Modalidades Incluídas'],
    items: [
      ['T1-weighted MRI', 'RM ponderada em T1'],
      ['T2-weighted MRI', 'RM ponderada em T2'],
      ['FLAIR', 'FLAIR'],
      ['Diffusion imaging', 'Imagem de difusão'],
      ['Contrast-enhanced CT', 'TC com contraste'],
      ['PET', 'PET']
    ]
  },
  {
    label: ['Annotation Types', 'Tipos de Anotação'],
    items: [
      ['Bounding boxes', 'Caixas delimitadoras'],
      ['Pixel-level masks', 'Máscaras em nível de pixel'],
      ['Image-level labels', 'Rótulos por imagem'],
      ['Free-text reports', 'Relatórios em texto livre'],
      ['Expert scores', 'Escores de especialistas']
    ]
  }
]

const licenses = [
  ['Creative Commons (CC BY 4.0)', 'Creative Commons (CC BY 4.0)'],
  ['CC BY-NC 4.0', 'CC BY-NC 4.0'],
  ['CC0 1.0 Public Domain', 'CC0 1.0 Domínio Público'],
  ['PhysioNet Credentialed Health Data License', 'PhysioNet Credentialed Health Data License'],
  ['Open access for research', 'Acesso aberto para pesquisa'],
  ['Dataset Research Use Agreement', 'Dataset Research Use Agreement']
]

const accessExtras = [
  [
    ['Download', 'Free for research use'],
    ['Download', 'Gratuito para uso em pesquisa']
  ],
  [
    ['Requirements', 'Complete CITI training and sign a data use agreement'],
    ['Requisitos', 'Completar treinamento CITI e assinar acordo de uso de dados']
  ],
  [
    ['Download', 'Free after registration'],
    ['Download', 'Gratuito após registro']
  ],
  [
    ['API', 'Available for programmatic access'],
    ['API', 'Disponível para acesso programático']
  ]
]

const hosts = [
  (slug) => `https://physionet.org/content/${slug}/`,
  (slug) => `https://zenodo.org/records/${slug}`,
  (slug) => `https://www.kaggle.com/datasets/${slug}`,
  (slug) => `https://${slug}.grand-challenge.org/`,
  (slug) => `https://www.cancerimagingarchive.net/collection/${slug}/`
]

const syllables = ['ka', 'ri', 'vo', 'ne', 'lu', 'sa', 'to', 'mi', 'da', 'pe', 'zo', 'ra', 'ki', 'no', 've', 'ta', 'li', 'mo', 'su', 'be']
const surnames = [
  'Johnson',
  'Irvin',
  'Weinstein',
  'Codella',
  'Wang',
  'Bustos',
  'Menze',
  'Tschandl',
  'Bulten',
  'Silva',
  'Oliveira',
  'Kim',
  'Müller',
  'Nakamura',
  'Okafor',
  'Ferreira'
]
const givenNames = [
  'Alistair EW',
  'Jeremy',
  'John N',
  'Noel',
  'Xiaosong',
  'Aurelia',
  'Bjoern H',
  'Philipp',
  'Wouter',
  'Ana',
  'Bruno',
  'Jiwon',
  'Lena',
  'Hiro',
  'Chidi',
  'Marta'
]
const journals = [
  'Scientific Data',
  'Medical Image Analysis',
  'Nature Medicine',
  'IEEE Transactions on Medical Imaging',
  'Radiology: Artificial Intelligence',
  'The Lancet Digital Health'
]
const venues = [
  'Proceedings of the AAAI Conference on Artificial Intelligence',
  'Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition',
  'Medical Image Computing and Computer Assisted Intervention (MICCAI)'
]

// --- Formatting helpers. --------------------------------------------------------------

/** 377110 as `377,110` (English) or `377.110` (Portuguese), as the seed writes them. */
function formatCount(value, language) {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, language === 'en' ? ',' : '.')
}

/** 377110 as `377k`, for the comparison tables. */
function shortCount(value) {
  return value >= 1000 ? `${Math.floor(value / 1000)}k` : String(value)
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]))
}

// --- The model: datasets drawn once, then written in each language. --------------------

function planCategories(count) {
  const categories = []
  for (let index = 0; index < count; index++) {
    const modality = modalities[index % modalities.length]
    const round = Math.floor(index / modalities.length)
    // The first round reads like the seed ("Cancer and Pathology Datasets"); later rounds add a scope,
    // and beyond that a volume number, so that every title (and so every category id) is unique.
    const scope = round === 0 ? undefined : scopes[(round - 1) % scopes.length]
    const volume = round > scopes.length ? ` ${Math.floor((round - 1) / scopes.length) + 1}` : ''
    const en = scope ? `${scope[0]} ${modality.en} Datasets${volume}` : `${modality.en} Datasets`
    const pt = scope ? `Datasets de ${modality.pt} ${scope[1]}${volume}` : `Datasets de ${modality.pt}`
    categories.push({modality, emoji: modality.emoji, title: {en, pt}, datasets: []})
  }
  return categories
}

function planDataset(random, index, category) {
  const {modality} = category
  const stem = Array.from({length: random.int(2, 3)}, () => random.pick(syllables))
    .join('')
    .toUpperCase()
  // The index makes the name unique; the stem makes it look like a name.
  const name = `${stem}-${modality.abbr}${index + 1}`
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  const noun = random.pick(titleNouns)
  const qualifier = random.pick(titleQualifiers)
  const title = {
    en: `${qualifier[0]} ${modality.short[0]} ${noun[0]}`,
    pt: `${noun[1]} ${noun[2] === 'a' ? qualifier[2] : qualifier[1]} de ${capitalize(modality.noun[1])}`
  }
  const images = random.int(400, 900_000)
  const patients = Math.max(50, Math.floor(images / random.int(2, 12)))
  const institution = random.pick(institutions)
  const adjective = random.pick(adjectives)
  const start = random.int(1995, 2018)
  const end = start + random.int(1, 7)
  const plus = random.chance(0.3)
  const tasks = random.sample(taskPool, random.int(2, 5))
  const year = random.int(2012, 2024)

  const facts = [
    [
      ['Size', `${formatCount(images, 'en')}${plus ? '+' : ''} ${modality.unit[0]}`],
      ['Tamanho', `${formatCount(images, 'pt')}${plus ? '+' : ''} ${modality.unit[1]}`]
    ],
    [
      ['Patients', `${formatCount(patients, 'en')} unique patients`],
      ['Pacientes', `${formatCount(patients, 'pt')} pacientes únicos`]
    ],
    [
      ['Institution', institution[0]],
      ['Instituição', institution[1]]
    ]
  ]
  if (random.chance(0.7))
    facts.push([
      ['Time Period', `${start}-${end}`],
      ['Período', `${start}-${end}`]
    ])
  if (random.chance(0.4)) {
    const classes = random.int(2, 40)
    facts.push([
      ['Labels', `${classes} classes (expert-reviewed)`],
      ['Rótulos', `${classes} classes (revisadas por especialistas)`]
    ])
  }

  // Titled lists: none, one or two, English-only or translated, inline or bulleted, before or after the tasks.
  const applicable = listPool.filter((template) => !template.for || template.for.includes(modality.abbr))
  const lists = random.sample(applicable, random.int(0, 2)).map((template) => {
    const size = random.int(3, Math.min(8, template.items.length))
    const items = template.items.slice(0, size)
    const translated = template.label[1] !== null
    return {
      label: {en: fill(template.label[0], {n: size}), pt: translated ? template.label[1] : undefined},
      style: random.chance(0.5) ? 'inline' : 'bullets',
      items: {en: items.map((item) => (translated ? item[0] : item)), pt: translated ? items.map((item) => item[1]) : undefined},
      beforeTasks: random.chance(0.5)
    }
  })

  const license = random.pick(licenses)
  const url = random.pick(hosts)(id)
  const access = [
    [
      ['URL', url],
      ['URL', url]
    ],
    [
      ['License', license[0]],
      ['Licença', license[1]]
    ]
  ]
  if (random.chance(0.6)) {
    const extra = random.pick(accessExtras)
    access.push([extra[0], extra[1]])
  }

  const surnameIndex = random.int(0, surnames.length - 1)
  const citation = random.chance(0.9) ? planCitation(random, index, surnameIndex, year, modality, name) : undefined

  return {
    name,
    id,
    rating: random.int(2, 5),
    title,
    description: {
      en: `${name} is ${/^[aeiou]/.test(adjective[0]) ? 'an' : 'a'} ${adjective[0]} ${modality.noun[0]} dataset containing over ${formatCount(images, 'en')} ${modality.unit[0]} from ${institution[0]}, designed for ${tasks[0][0].toLowerCase()}.`,
      pt: `${name} é um dataset ${adjective[1]} de ${modality.noun[1]}, contendo mais de ${formatCount(images, 'pt')} ${modality.unit[1]} fornecidas pela instituição ${institution[1]}, projetado para ${tasks[0][1].toLowerCase()}.`
    },
    facts,
    tasks,
    lists,
    access,
    citation,
    comparison: {
      en: [`${shortCount(images)}+ images`, modality.short[0], tasks[0][0], institution[0].replace(/ \(.*\)$/, ''), license[0]],
      pt: [`${shortCount(images)}+ imagens`, modality.short[1], tasks[0][1], institution[1].replace(/ \(.*\)$/, ''), license[1]]
    }
  }
}

function planCitation(random, index, surnameIndex, year, modality, name) {
  const surname = surnames[surnameIndex]
  const given = givenNames[surnameIndex]
  const type = random.pick(['article', 'article', 'inproceedings', 'misc'])
  // Keys as people write them (surname, year, a word), the index keeping them unique.
  const key = `${surname.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()}${year}${modality.abbr.toLowerCase()}${index + 1}`
  const fields = [
    ['title', `${name}: a ${modality.en.toLowerCase()} dataset for {AI} research`],
    ['author', `${surname === 'Müller' ? 'M{\\"u}ller' : surname}, ${given} and others`]
  ]
  if (type === 'article') {
    fields.push(['journal', random.pick(journals)], ['volume', String(random.int(1, 90))], ['number', String(random.int(1, 12))])
    fields.push(['pages', `${random.int(1, 900)}--${random.int(901, 1999)}`])
  } else if (type === 'inproceedings') {
    fields.push(['booktitle', random.pick(venues)], ['pages', `${random.int(1, 900)}--${random.int(901, 1999)}`])
  } else {
    fields.push(['howpublished', `arXiv preprint arXiv:${random.int(1500, 2412)}.${String(random.int(1, 99999)).padStart(5, '0')}`])
  }
  fields.push(['year', String(year)])
  return `@${type}{${key},\n${fields.map(([field, value]) => `  ${field}={${value}}`).join(',\n')}\n}`
}

// --- Writing the markdown. ---------------------------------------------------------------

const labels = {
  en: {description: 'Description', facts: 'Key Features', tasks: 'Tasks', access: 'Access', citation: 'Citation'},
  pt: {description: 'Descrição', facts: 'Características Principais', tasks: 'Tarefas', access: 'Acesso'}
}

function writeList(lines, label, style, items) {
  lines.push(`**${label}:**`)
  if (style === 'inline') lines.push(items.join(', '))
  else for (const item of items) lines.push(`- ${item}`)
  lines.push('')
}

function writeDataset(lines, dataset, language) {
  const at = language === 'en' ? 0 : 1
  const label = labels[language]
  lines.push(`### ${'⭐'.repeat(dataset.rating)} ${dataset.name} - ${dataset.title[language]}`, '')
  lines.push(`**${label.description}:** ${dataset.description[language]}`, '')
  lines.push(`**${label.facts}:**`)
  for (const fact of dataset.facts) lines.push(`- **${fact[at][0]}:** ${fact[at][1]}`)
  lines.push('')
  const lists = dataset.lists.filter((list) => list.label[language] !== undefined)
  for (const list of lists.filter((list) => list.beforeTasks)) writeList(lines, list.label[language], list.style, list.items[language])
  writeList(
    lines,
    label.tasks,
    'bullets',
    dataset.tasks.map((task) => task[at])
  )
  for (const list of lists.filter((list) => !list.beforeTasks)) writeList(lines, list.label[language], list.style, list.items[language])
  lines.push(`**${label.access}:**`)
  for (const entry of dataset.access) {
    const [key, value] = entry[at]
    lines.push(key === 'URL' ? `- **URL:** [${value}](${value})` : `- **${key}:** ${value}`)
  }
  lines.push('')
  // As in the seed, the citation stands in the primary half only.
  if (language === 'en' && dataset.citation) lines.push(`**${label.citation}:**`, '```bibtex', dataset.citation, '```', '')
  lines.push('---', '')
}

function writeHalf(lines, categories, language) {
  const en = language === 'en'
  lines.push(en ? '## 🇬🇧 English' : '## 🇧🇷 Português', '')
  lines.push(en ? '### Overview' : '### Visão Geral', '')
  lines.push(
    en
      ? 'This directory contains curated references to medical imaging datasets for training and evaluating AI models in healthcare. It was generated for benchmarks in the style of the real catalog.'
      : 'Este diretório contém referências curadas a datasets de imagem médica para treinar e avaliar modelos de IA em saúde. Foi gerado para benchmarks no estilo do catálogo real.',
    ''
  )
  lines.push('---', '')
  for (const category of categories) {
    lines.push(`## ${category.emoji} ${category.title[language]}`, '')
    for (const dataset of category.datasets) writeDataset(lines, dataset, language)
  }
  lines.push(en ? '## 📋 Dataset Comparison' : '## 📋 Comparação de Datasets', '')
  lines.push(
    en ? '| Dataset | Size | Modality | Task | Institution | License |' : '| Dataset | Tamanho | Modalidade | Tarefa | Instituição | Licença |',
    '|---|---|---|---|---|---|'
  )
  for (const category of categories) {
    for (const dataset of category.datasets) lines.push(`| **${dataset.name}** | ${dataset.comparison[language].join(' | ')} |`)
  }
  lines.push('', '---', '')
}

/**
 * Generate a catalog of `count` datasets. Returns the markdown and, for the
 * benchmark's edits, each dataset's name and English description.
 */
export function generateCatalog(count, {seed = 1} = {}) {
  if (!Number.isInteger(count) || count < 1) throw new Error(`the dataset count must be a positive integer, not ${count}`)
  const random = createRandom(seed)
  // About 25 datasets a category, at least three categories, as a hand-kept catalog grows.
  const categories = planCategories(Math.max(3, Math.min(count, Math.round(count / 25))))
  const datasets = []
  for (let index = 0; index < count; index++) {
    // Fill categories unevenly but every one at least once.
    const category = index < categories.length ? categories[index] : random.pick(categories)
    const dataset = planDataset(random, index, category)
    category.datasets.push(dataset)
    datasets.push(dataset)
  }
  const lines = ['# Medical Imaging Datasets / Datasets de Imagem Médica', '']
  writeHalf(lines, categories, 'en')
  writeHalf(lines, categories, 'pt')
  lines.push('## Related Resources', '')
  lines.push('- [Papers with Code - Medical Imaging Datasets](https://paperswithcode.com/datasets?task=medical-imaging)')
  lines.push('- [Grand Challenge - Medical Imaging Challenges](https://grand-challenge.org/)')
  lines.push('- [The Cancer Imaging Archive](https://www.cancerimagingarchive.net/)')
  return {
    text: `${lines.join('\n')}\n`,
    datasets: datasets.map((dataset) => ({name: dataset.name, id: dataset.id, description: dataset.description.en}))
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const {values, positionals} = parseArgs({options: {seed: {type: 'string', default: '1'}, out: {type: 'string'}}, allowPositionals: true})
  const count = Number(positionals[0])
  if (positionals.length !== 1 || !Number.isInteger(count) || count < 1) {
    process.stderr.write('Usage: node bench/generate.mjs N [--seed S] [--out FILE]\n')
    process.exit(2)
  }
  const {text} = generateCatalog(count, {seed: Number(values.seed)})
  if (values.out) writeFileSync(values.out, text)
  else process.stdout.write(text)
}
