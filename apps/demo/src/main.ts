// The demo runs every integration against the embedded emulator. Its scenarios land with the demo
// issue; until then it says so plainly instead of pretending.
console.log('AI Video Maker demo: no scenarios are implemented yet (see apps/demo/README.md).');
