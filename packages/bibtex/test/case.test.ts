/**
 * Case protection, word by word: what is braced, what is left as written,
 * and that bracing its own output changes nothing. bibtex.test.ts shows the
 * result with the real tools (plain.bst, pandoc's citeproc).
 */
import {describe, expect, it} from 'vitest'
import {bracesBalanced, escapeLatexValue, protectCase, renderCslItems} from '../src/index.js'

describe('protectCase', () => {
  it.each([
    // Acronyms and words in mixed case.
    ['MIMIC-CXR, a de-identified database', '{MIMIC-CXR}, a de-identified database'],
    ['CheXpert: A large chest radiograph dataset', '{CheXpert}: A large chest radiograph dataset'],
    ['hosted by the collaboration (ISIC)', 'hosted by the collaboration ({ISIC})'],
    ['fastMRI and nnU-Net on 3D data', '{fastMRI} and {nnU-Net} on {3D} data'],
    ["O'Brien's R\\&D", "{O'Brien's} {R\\&D}"],
    // One capital letter in a compound, or before digits.
    ['chest X-ray and T1-weighted images, T2 too, with U-Net', 'chest {X-ray} and {T1-weighted} images, {T2} too, with {U-Net}'],
    // Capitalised as titles capitalise: a style may recase these.
    ['The Multimodal Brain Tumor Benchmark', 'The Multimodal Brain Tumor Benchmark'],
    ['Weakly-Supervised Classification, Hospital-scale', 'Weakly-Supervised Classification, Hospital-scale'],
    ['Chexpert: A Study (isic) I did', 'Chexpert: A Study (isic) I did'],
    // What the source braces already, and words holding a command or math, stay as written.
    ['{PadChest}: chest {X}-ray of the {UK Biobank}', '{PadChest}: chest {X}-ray of the {UK Biobank}'],
    ['\\emph{CheXpert} and \\textsc{Isic} $T_2$-weighted', '\\emph{CheXpert} and \\textsc{Isic} $T_2$-weighted'],
    // Special characters count as letters with their case; the renderer's forms of symbols as none.
    ['Z{\\"{U}}RICH and Z{\\"{u}}rich, {\\AA}SA and {\\AA}sa', '{Z{\\"{U}}RICH} and Z{\\"{u}}rich, {{\\AA}SA} and {\\AA}sa'],
    ['5 {$\\mu$}Sv at 37 {\\textdegree}C, {$\\mu$}m', '5 {{$\\mu$}Sv} at 37 {{\\textdegree}C}, {$\\mu$}m'],
    // Punctuation is no part of a word; a dot or an apostrophe between letters is.
    ["the U.S. ``MRI'' -- CT/PET", "the {U.S}. ``{MRI}'' -- {CT}/{PET}"],
    ['2018--2019, version 1.8', '2018--2019, version 1.8']
  ])('%j → %j', (value, expected) => {
    expect(protectCase(value)).toBe(expected)
    expect(protectCase(expected)).toBe(expected)
    expect(bracesBalanced(protectCase(value))).toBe(true)
  })

  it('brace-protects escaped values, whatever characters they hold', () => {
    const value = escapeLatexValue('ÅNGSTRÖM & Müller: 100% of the μSv, x^2 {CT} – 東京 MRI')
    expect(protectCase(value)).toBe('{{\\AA}NGSTR{\\"{O}}M} \\& M{\\"{u}}ller: 100\\% of the {{$\\mu$}Sv}, x{\\textasciicircum}2 {CT} -- 東京 {MRI}')
  })

  it('does not run away on a brace that is never closed', () => {
    expect(protectCase('A {broken ISIC title')).toBe('A {broken ISIC title')
  })
})

describe('CSL-JSON', () => {
  const titleOf = (title: string): unknown =>
    renderCslItems([
      {
        datasetIndex: 0,
        type: 'article',
        key: 'k',
        comment: '',
        fields: [
          ['title', title],
          ['journal', '{IEEE} Journal']
        ]
      }
    ])[0]?.['title']

  it('marks the braced groups of a title nocase, and no other braces', () => {
    expect(titleOf('{MIMIC-CXR}: chest {X-ray}, Z{\\"{u}}rich, 5 {$\\mu$}m')).toBe(
      '<span class="nocase">MIMIC-CXR</span>: chest <span class="nocase">X-ray</span>, Zürich, 5 μm'
    )
  })

  it('leaves fields that styles print as written without marks', () => {
    const [item] = renderCslItems([
      {
        datasetIndex: 0,
        type: 'article',
        key: 'k',
        comment: '',
        fields: [
          ['title', 'T'],
          ['journal', '{IEEE} Journal']
        ]
      }
    ])
    expect(item?.['container-title']).toBe('IEEE Journal')
  })
})
