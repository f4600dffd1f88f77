// The editor page's entry (/editor): the house tokens and base styles, then the editor app.
import { mount } from 'svelte'
import Editor from './Editor.svelte'
import '../styles/tokens.css'
import '../styles/base.css'
import './editor.css'
import './views.css'

const target = document.getElementById('app')
if (!target) throw new Error('the editor page has no #app element')
target.replaceChildren()
mount(Editor, { target })
