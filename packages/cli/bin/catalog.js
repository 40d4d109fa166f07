#!/usr/bin/env node
// Committed launcher, so that npm links the `catalog` bin even before the package is built.
import {run} from '../dist/bin.js'

await run()
