#!/usr/bin/env node
// The installed command runs the TypeScript entry directly: Node >= 22.18 strips types itself.
import '../src/main.ts';
