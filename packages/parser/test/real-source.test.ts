import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {repairMojibake} from '../src/index.js'
import {frozenSourcePath, parse, readFrozenSource, seedPath} from './helpers.js'

const source = readFrozenSource()
const {catalog, file} = parse(source, 'source/datasets.md')

describe('the frozen source, with its vocabulary', () => {
  it('is the seed repaired byte for byte', () => {
    const repaired = repairMojibake(readFileSync(seedPath, 'utf8'))
    expect(repaired.ok && repaired.text).toBe(readFileSync(frozenSourcePath, 'utf8'))
  })

  it("parses without a message: every label is declared (its EN-only lists are the translation checks' to report)", () => {
    expect(catalog).toBeDefined()
    expect(file.messages.map(String)).toEqual([])
  })

  it('reads the document frame in both languages', () => {
    expect(catalog?.title).toBe('Medical Imaging Datasets / Datasets de Imagem Médica')
    expect(catalog?.languages).toEqual([
      {code: 'en', flag: '🇬🇧', name: 'English'},
      {code: 'pt', flag: '🇧🇷', name: 'Português'}
    ])
    expect(catalog?.overview?.heading).toEqual({en: 'Overview', pt: 'Visão Geral'})
    expect(catalog?.overview?.text['pt']).toMatch(/^Este diretório contém/)
    expect(catalog?.categories.map((c) => [c.id, c.emoji, c.title['pt']])).toEqual([
      ['large-scale-chest-x-ray-datasets', '📊', 'Datasets de Raio-X de Tórax em Grande Escala'],
      ['cancer-and-pathology-datasets', '🧬', 'Datasets de Câncer e Patologia'],
      ['dermatology-and-skin-lesion-datasets', '🔬', 'Datasets de Dermatologia e Lesões de Pele']
    ])
    expect(catalog?.resources?.heading).toBe('Related Resources')
    expect(catalog?.resources?.items).toHaveLength(3)
    expect(catalog?.resources?.items[1]).toEqual({text: 'Grand Challenge - Medical Imaging Challenges', url: 'https://grand-challenge.org/'})
  })

  it('reads each dataset heading', () => {
    expect(catalog?.datasets.map((d) => [d.id, d.name, d.rating, d.category])).toEqual([
      ['mimic-cxr', 'MIMIC-CXR', 4, 'large-scale-chest-x-ray-datasets'],
      ['chexpert', 'CHEXPERT', 4, 'large-scale-chest-x-ray-datasets'],
      ['tcga', 'TCGA', 5, 'cancer-and-pathology-datasets'],
      ['isic', 'ISIC', 4, 'dermatology-and-skin-lesion-datasets']
    ])
    expect(catalog?.datasets[1]?.title).toEqual({en: 'Stanford Chest X-Ray Competition Dataset', pt: 'Dataset de Competição de Raio-X de Tórax de Stanford'})
  })

  it('pairs every key fact in both languages, with typed quantities', () => {
    const mimic = catalog?.datasets[0]
    expect(mimic?.facts.label).toEqual({en: 'Key Features', pt: 'Características Principais'})
    expect(mimic?.facts.items.map((f) => [f.key, f.label['pt'], f.quantity])).toEqual([
      ['size', 'Tamanho', {kind: 'count', value: 377110}],
      ['patients', 'Pacientes', {kind: 'count', value: 65379}],
      ['reports', 'Relatórios', undefined],
      ['institution', 'Instituição', undefined],
      ['time-period', 'Período', {kind: 'year-range', from: 2011, to: 2016}]
    ])
    expect(mimic?.facts.items[0]?.value['pt']).toBe('377.110 imagens de raio-X de tórax de 227.835 estudos de imagem')
    const tcga = catalog?.datasets[2]
    expect(tcga?.facts.items[0]?.quantity).toEqual({kind: 'at-least', value: 20000})
    for (const dataset of catalog?.datasets ?? []) {
      for (const fact of dataset.facts.items) expect(Object.keys(fact.value)).toEqual(['en', 'pt'])
    }
    expect(catalog?.datasets.map((d) => d.facts.items.length)).toEqual([5, 5, 5, 4])
  })

  it('reads tasks in both languages and the EN-only titled lists', () => {
    const [mimic, chexpert, tcga, isic] = catalog?.datasets ?? []
    expect(mimic?.tasks?.items['pt']).toEqual([
      'Geração de relatórios radiológicos',
      'Classificação multi-rótulo de doenças (14 observações)',
      'Processamento de linguagem natural em relatórios médicos',
      'Aprendizado fracamente supervisionado a partir de relatórios'
    ])
    expect(isic?.tasks?.items['en']).toHaveLength(4)
    expect(chexpert?.lists.map((l) => [l.key, l.style, l.items['en']?.length, l.label['pt']])).toEqual([['labels-14-observations', 'inline', 14, undefined]])
    expect(tcga?.lists[0]?.items['en']?.at(-1)).toBe('and 22 others')
    expect(isic?.lists[0]).toMatchObject({key: 'lesion-types', style: 'bullets', label: {en: 'Lesion Types'}})
    expect(isic?.lists[0]?.items['en']).toContain('Dermatofibroma')
    expect(tcga?.sections).toEqual(['description', 'facts', 'lists/0', 'tasks', 'access', 'citation'])
    expect(chexpert?.sections).toEqual(['description', 'facts', 'tasks', 'lists/0', 'access', 'citation'])
  })

  it('reads access entries with links, and the citation', () => {
    const tcga = catalog?.datasets[2]
    expect(tcga?.access.items.map((a) => [a.key, a.url, a.value['pt']])).toEqual([
      ['url', 'https://www.cancer.gov/tcga', 'https://www.cancer.gov/tcga'],
      ['portal', 'https://portal.gdc.cancer.gov/', 'https://portal.gdc.cancer.gov/'],
      ['license', undefined, 'Acesso aberto para pesquisa'],
      ['download', undefined, 'Gratuito via GDC Data Portal']
    ])
    const chexpert = catalog?.datasets[1]
    expect(chexpert?.citation).toMatchObject({
      label: {en: 'Citation'},
      language: 'bibtex',
      type: 'inproceedings',
      key: 'irvin2019chexpert',
      fields: {author: 'Irvin, Jeremy and others', pages: '590--597', year: '2019', volume: '33'}
    })
    expect(source).toContain(chexpert?.citation?.raw)
  })

  it('ties each comparison row to its dataset, in both languages', () => {
    expect(catalog?.comparison?.columns['pt']).toEqual(['Dataset', 'Tamanho', 'Modalidade', 'Tarefa', 'Instituição', 'Acesso'])
    expect(catalog?.comparison?.rows.map((r) => r.dataset)).toEqual(['mimic-cxr', 'chexpert', 'tcga', 'isic'])
    expect(catalog?.comparison?.rows[2]?.cells).toEqual({
      en: ['20k+ slides', 'Pathology', 'Cancer diagnosis, genomics', 'NIH/NCI', 'Free (GDC Portal)'],
      pt: ['20k+ lâminas', 'Patologia', 'Diagnóstico câncer, genômica', 'NIH/NCI', 'Gratuito (GDC Portal)']
    })
  })

  it('maps values back to their source lines', () => {
    const pointers = file.data.pointers
    const lines = source.split('\n')
    const lineAt = (pointer: string): string => lines[(pointers?.get(pointer)?.start.line ?? 0) - 1] ?? ''
    expect(lineAt('/datasets/2')).toBe('### ⭐⭐⭐⭐⭐ TCGA - The Cancer Genome Atlas')
    expect(lineAt('/datasets/2/title/pt')).toBe('### ⭐⭐⭐⭐⭐ TCGA - The Cancer Genome Atlas')
    expect(lineAt('/datasets/0/facts/items/1/value/pt')).toBe('- **Pacientes:** 65.379 pacientes únicos')
    expect(lineAt('/datasets/3/citation')).toBe('```bibtex')
  })
})

describe('positions of list items', () => {
  it('places each bulleted item at its own line', () => {
    const {file} = parse(source, 'source/datasets.md')
    const lines = source.split('\n')
    const lineAt = (pointer: string): string => lines[(file.data.pointers?.get(pointer)?.start.line ?? 0) - 1] ?? ''
    expect(lineAt('/datasets/3/tasks/items/pt/2')).toBe('- Segmentação de lesões')
    expect(lineAt('/datasets/3/lists/0/items/en/4')).toBe('- Benign keratosis')
  })
})
