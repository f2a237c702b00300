// The build's virtual modules (see build/).
declare module 'virtual:wld-boot-modules' {}
