/**
 * The small catalog every rule's examples start from: two datasets in one
 * category, in English and Portuguese, with a comparison table per half, a
 * related resource and every label declared. It is valid and silent under
 * `catalog validate --strict`; each example edits it to break one rule, or
 * to come close to breaking it without doing so.
 */
export const exampleSource = `# Example Imaging Datasets / Datasets de Imagem de Exemplo

## 🇬🇧 English

### Overview

A small catalog that every rule's example edits.

---

## 📊 Chest X-Ray Datasets

### ⭐⭐⭐⭐ ALPHA - A Chest X-Ray Dataset

**Description:** ALPHA holds 1,000 chest X-rays with reports.

**Key Features:**
- **Size:** 1,000 images
- **Institution:** Example Hospital
- **Time Period:** 2011-2016

**Tasks:**
- Report generation
- Disease classification

**Access:**
- **URL:** [https://example.org/alpha/](https://example.org/alpha/)
- **License:** CC BY 4.0

**Citation:**
\`\`\`bibtex
@article{doe2020alpha,
  title={ALPHA, a chest X-ray dataset},
  author={Doe, Jane and Moe, Mary},
  journal={Scientific Data},
  doi={10.5555/alpha.2020},
  year={2020}
}
\`\`\`

---

### ⭐⭐⭐ BETA - A Labelled Chest X-Ray Dataset

**Description:** BETA holds 500 chest X-rays with labels.

**Key Features:**
- **Size:** 500 images

**Labels:**
- Edema
- Pneumonia

**Access:**
- **URL:** [https://example.org/beta/](https://example.org/beta/)

**Citation:**
\`\`\`bibtex
@misc{roe2021beta,
  title={BETA, a labelled chest X-ray dataset},
  author={Roe, Richard},
  year={2021},
  url={https://example.org/beta/}
}
\`\`\`

---

## 📋 Dataset Comparison

| Dataset | Size | Access |
|---|---|---|
| **ALPHA** | 1k images | Free |
| **BETA** | 500 images | Free |

---

## 🇧🇷 Português

### Visão Geral

Um pequeno catálogo que o exemplo de cada regra edita.

---

## 📊 Datasets de Raio-X de Tórax

### ⭐⭐⭐⭐ ALPHA - Um Dataset de Raio-X de Tórax

**Descrição:** ALPHA contém 1.000 radiografias de tórax com laudos.

**Características Principais:**
- **Tamanho:** 1.000 imagens
- **Instituição:** Hospital de Exemplo
- **Período:** 2011-2016

**Tarefas:**
- Geração de laudos
- Classificação de doenças

**Acesso:**
- **URL:** [https://example.org/alpha/](https://example.org/alpha/)
- **Licença:** CC BY 4.0

**Citação:**
\`\`\`bibtex
@article{doe2020alpha,
  title={ALPHA, a chest X-ray dataset},
  author={Doe, Jane and Moe, Mary},
  journal={Scientific Data},
  doi={10.5555/alpha.2020},
  year={2020}
}
\`\`\`

---

### ⭐⭐⭐ BETA - Um Dataset de Raio-X de Tórax Rotulado

**Descrição:** BETA contém 500 radiografias de tórax com rótulos.

**Características Principais:**
- **Tamanho:** 500 imagens

**Rótulos:**
- Edema
- Pneumonia

**Acesso:**
- **URL:** [https://example.org/beta/](https://example.org/beta/)

**Citação:**
\`\`\`bibtex
@misc{roe2021beta,
  title={BETA, a labelled chest X-ray dataset},
  author={Roe, Richard},
  year={2021},
  url={https://example.org/beta/}
}
\`\`\`

---

## 📋 Comparação de Datasets

| Dataset | Tamanho | Acesso |
|---|---|---|
| **ALPHA** | 1k imagens | Gratuito |
| **BETA** | 500 imagens | Gratuito |

---

## Related Resources

- [Example Resources](https://example.org/resources)
`

/** Its vocabulary, as `catalog vocabulary --write` writes it. */
export const exampleVocabulary = `{
  "version": 1,
  "labels": [
    {"key":"description","kind":"section","labels":{"en":"Description","pt":"Descrição"}},
    {"key":"facts","kind":"section","labels":{"en":"Key Features","pt":"Características Principais"}},
    {"key":"size","kind":"fact","labels":{"en":"Size","pt":"Tamanho"}},
    {"key":"institution","kind":"fact","labels":{"en":"Institution","pt":"Instituição"}},
    {"key":"time-period","kind":"fact","labels":{"en":"Time Period","pt":"Período"}},
    {"key":"tasks","kind":"section","labels":{"en":"Tasks","pt":"Tarefas"}},
    {"key":"access","kind":"section","labels":{"en":"Access","pt":"Acesso"}},
    {"key":"url","kind":"access","labels":{"en":"URL","pt":"URL"}},
    {"key":"license","kind":"access","labels":{"en":"License","pt":"Licença"}},
    {"key":"citation","kind":"section","labels":{"en":"Citation","pt":"Citação"}},
    {"key":"labels","kind":"list","labels":{"en":"Labels","pt":"Rótulos"}}
  ]
}
`
