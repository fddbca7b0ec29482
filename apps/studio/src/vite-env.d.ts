/// <reference types="vite/client" />
declare module 'virtual:sarabun.css';
