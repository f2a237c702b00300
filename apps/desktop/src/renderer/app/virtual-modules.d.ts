// The build's virtual modules (see build/).
declare module 'virtual:wld-boot-modules' {}
declare module 'virtual:wld-app-modules' {}
