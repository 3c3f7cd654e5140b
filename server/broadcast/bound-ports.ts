// The kernel's table of bound UDP ports, as streaming reads it to know that FFmpeg listens. /readyz
// checks the WebRTC and broadcast port ranges with it; server/ reaches streaming/ only from here
// (server/broadcast/) and the composition root.
export { boundUdpPorts } from '../../streaming/udp-ports';
