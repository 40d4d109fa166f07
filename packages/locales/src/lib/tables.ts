import type {Messages, PartialMessages} from './messages.js'
import {de} from './tables/de.js'
import {en} from './tables/en.js'
import {es} from './tables/es.js'
import {fr} from './tables/fr.js'
import {pt} from './tables/pt.js'

/**
 * The language the tool's interface is written in: its table is the
 * reference every other table is checked against, holds every message, and
 * is the last step of every fallback.
 */
export const baseLocale = 'en'

/** The tables that hold every message. */
const completeTables = {en, pt, es}

/** The tables that translate some messages; the fallback chain fills the rest. */
const partialTables = {fr, de}

/** One message table per locale, by language code. Adding a language is adding its table here. */
export const messageTables: Readonly<Record<string, PartialMessages>> = {...completeTables, ...partialTables}

/** The locales whose table holds every message (the type of each says so; a test checks it too). */
export const completeLocales: readonly string[] = Object.keys(completeTables)

/** The base locale's table, complete by its type. */
export const baseMessages: Messages = completeTables[baseLocale]
